#!/usr/bin/env bash
# Installs the real mail clients the end-to-end tests drive, from Debian's packages:
# fetchmail and getmail (POP3), mbsync/isync, offlineimap and curl (IMAP), swaks (LMTP).
# Tests that need a client skip, with a reason, when it is missing; this only makes them run.
set -uo pipefail
packages=(fetchmail getmail6 isync offlineimap3 curl swaks)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [[ ${#missing[@]} -eq 0 ]]; then
  echo "test clients: all installed"
  exit 0
fi
if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
  echo "test clients: cannot install ${missing[*]} (need root and apt-get); their tests will skip"
  exit 0
fi
echo "test clients: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
if apt-get update -qq >/dev/null && apt-get install -y -qq "${missing[@]}" >/dev/null; then
  echo "test clients: installed"
else
  echo "test clients: installation failed; their tests will skip"
fi
exit 0
