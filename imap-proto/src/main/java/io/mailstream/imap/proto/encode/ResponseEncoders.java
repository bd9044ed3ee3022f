package io.mailstream.imap.proto.encode;

import io.mailstream.imap.proto.command.StatusItem;
import io.mailstream.imap.proto.response.ImapResponse;
import io.mailstream.imap.proto.response.ListExtendedItem;
import io.mailstream.imap.proto.response.ResponseCode;
import java.util.List;
import java.util.Map;

/** The wire form of each {@link ImapResponse} (RFC 9051 7 and 9). */
final class ResponseEncoders {
    private ResponseEncoders() {
    }

    static void write(ImapResponse r, ResponseWriter w) {
        if (r instanceof ImapResponse.Tagged t) {
            w.raw(t.tag()).sp().raw(t.status().name()).sp();
            respText(t.code(), t.text(), w);
        } else if (r instanceof ImapResponse.Condition c) {
            w.raw("* ").raw(c.status().name()).sp();
            respText(c.code(), c.text(), w);
        } else if (r instanceof ImapResponse.Continuation c) {
            // RFC 9051 7.5: continue-req = "+" SP (resp-text / base64) CRLF
            w.raw("+ ");
            if (c.text() != null && !c.text().isEmpty()) {
                w.text(c.text());
            }
        } else if (r instanceof ImapResponse.Capability c) {
            w.raw("* CAPABILITY");
            for (String cap : c.capabilities()) {
                w.sp().raw(cap);
            }
        } else if (r instanceof ImapResponse.Exists e) {
            w.raw("* ").number(e.count()).raw(" EXISTS");
        } else if (r instanceof ImapResponse.Recent e) {
            w.raw("* ").number(e.count()).raw(" RECENT");
        } else if (r instanceof ImapResponse.Expunge e) {
            w.raw("* ").number(e.msn()).raw(" EXPUNGE");
        } else if (r instanceof ImapResponse.Vanished v) {
            // RFC 7162 3.2.10
            w.raw("* VANISHED ").raw(v.earlier() ? "(EARLIER) " : "").raw(v.uids().toString());
        } else if (r instanceof ImapResponse.Fetch f) {
            w.raw("* ").number(f.msn()).raw(" FETCH ");
            FetchEncoder.write(f.attributes(), w);
        } else if (r instanceof ImapResponse.Flags f) {
            w.raw("* FLAGS ");
            flagList(f.flags(), w);
        } else if (r instanceof ImapResponse.List l) {
            w.raw("* LIST ");
            listBody(l.attributes(), l.delimiter(), l.name(), w);
            extended(l.extended(), w);
        } else if (r instanceof ImapResponse.Lsub l) {
            w.raw("* LSUB ");
            listBody(l.attributes(), l.delimiter(), l.name(), w);
        } else if (r instanceof ImapResponse.Status s) {
            w.raw("* STATUS ").mailbox(s.mailbox()).raw(" (");
            statusValues(s.values(), w);
            w.raw(")");
        } else if (r instanceof ImapResponse.Search s) {
            // RFC 3501 7.2.5 / RFC 7162 3.1.5: SEARCH n... [(MODSEQ n)]
            w.raw("* SEARCH");
            for (long n : s.numbers()) {
                w.sp().number(n);
            }
            if (s.highestModSeq() != null) {
                w.raw(" (MODSEQ ").number(s.highestModSeq()).raw(")");
            }
        } else if (r instanceof ImapResponse.ESearch e) {
            esearch(e, w);
        } else if (r instanceof ImapResponse.Sort s) {
            // RFC 5256 4: sort-data = "SORT" *(SP nz-number)
            w.raw("* SORT");
            for (long n : s.numbers()) {
                w.sp().number(n);
            }
        } else if (r instanceof ImapResponse.Thread t) {
            w.raw("* THREAD");
            if (t.forest().size() > 0) {
                w.sp().raw(ThreadEncoder.encode(t.forest()));
            }
        } else if (r instanceof ImapResponse.ESort e) {
            esort(e, w);
        } else if (r instanceof ImapResponse.StatusWithMailboxId s) {
            w.raw("* STATUS ").mailbox(s.mailbox()).raw(" (");
            statusValues(s.values(), s.mailboxId(), w);
            w.raw(")");
        } else if (r instanceof ImapResponse.Enabled e) {
            w.raw("* ENABLED");
            for (String cap : e.capabilities()) {
                w.sp().raw(cap);
            }
        } else if (r instanceof ImapResponse.Namespace n) {
            w.raw("* NAMESPACE ");
            namespace(n.personal(), w);
            w.sp();
            namespace(n.other(), w);
            w.sp();
            namespace(n.shared(), w);
        } else if (r instanceof ImapResponse.Id id) {
            w.raw("* ID ");
            idParams(id.params(), w);
        } else if (r instanceof ImapResponse.Quota q) {
            quota(q, w);
        } else if (r instanceof ImapResponse.QuotaRoot q) {
            // RFC 9208 7: quotaroot-response = "QUOTAROOT" SP mailbox *(SP quota-root-name)
            w.raw("* QUOTAROOT ").mailbox(q.mailbox());
            for (String root : q.roots()) {
                w.sp().astring(root);
            }
        } else {
            throw new IllegalArgumentException("unknown response " + r);
        }
        w.crlf();
    }

    /** resp-text = ["[" resp-text-code "]" SP] text. */
    private static void respText(ResponseCode code, String text, ResponseWriter w) {
        if (code != null) {
            w.raw("[");
            CodeEncoder.write(code, w);
            w.raw("] ");
        }
        w.text(text);
    }

    static void flagList(List<String> flags, ResponseWriter w) {
        w.raw("(");
        for (int i = 0; i < flags.size(); i++) {
            if (i > 0) {
                w.sp();
            }
            w.raw(flags.get(i));
        }
        w.raw(")");
    }

    private static void listBody(List<String> attributes, Character delimiter, String name, ResponseWriter w) {
        flagList(attributes, w);
        w.sp();
        delimiter(delimiter, w);
        w.sp().mailbox(name);
    }

    /** (DQUOTE QUOTED-CHAR DQUOTE / nil). */
    private static void delimiter(Character d, ResponseWriter w) {
        if (d == null) {
            w.nil();
        } else if (d == '"' || d == '\\') {
            w.raw("\"\\").raw(d).raw("\"");
        } else {
            w.raw("\"").raw(d).raw("\"");
        }
    }

    private static void extended(List<ListExtendedItem> items, ResponseWriter w) {
        if (items.isEmpty()) {
            return;
        }
        // RFC 5258 / RFC 9051 7.3.1: ("CHILDINFO" ("SUBSCRIBED")) ("OLDNAME" ("old"))
        w.raw(" (");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                w.sp();
            }
            ListExtendedItem item = items.get(i);
            if (item instanceof ListExtendedItem.ChildInfo c) {
                w.raw("\"CHILDINFO\" (");
                for (int j = 0; j < c.selectOptions().size(); j++) {
                    if (j > 0) {
                        w.sp();
                    }
                    w.quotedOrLiteral(c.selectOptions().get(j));
                }
                w.raw(")");
            } else if (item instanceof ListExtendedItem.OldName o) {
                w.raw("\"OLDNAME\" (").mailbox(o.name()).raw(")");
            }
        }
        w.raw(")");
    }

    private static void statusValues(Map<StatusItem, Long> values, ResponseWriter w) {
        statusValues(values, null, w);
    }

    /** RFC 8474 4.3: status-att-val =/ "MAILBOXID" SP "(" objectid ")". */
    private static void statusValues(Map<StatusItem, Long> values, String mailboxId, ResponseWriter w) {
        boolean first = true;
        for (Map.Entry<StatusItem, Long> e : values.entrySet()) {
            if (!first) {
                w.sp();
            }
            first = false;
            if (e.getKey() == StatusItem.MAILBOXID) {
                w.raw("MAILBOXID (").raw(mailboxId).raw(")");
            } else {
                w.raw(e.getKey().atom()).sp().number(e.getValue());
            }
        }
    }

    /** RFC 5267 3.1 / 3.2: like ESEARCH, with ALL in sort order. */
    private static void esort(ImapResponse.ESort e, ResponseWriter w) {
        esearchData(e.correlator(), e.uid(), e.min(), e.max(),
                e.all() == null || e.all().isEmpty() ? null : SequenceSets.ordered(e.all()), e.count(), null, w);
    }

    /** RFC 9208 7: quota-response = "QUOTA" SP quota-root-name SP quota-list ("()" when empty). */
    private static void quota(ImapResponse.Quota q, ResponseWriter w) {
        w.raw("* QUOTA ").astring(q.root()).raw(" (");
        for (int i = 0; i < q.resources().size(); i++) {
            ImapResponse.QuotaResource res = q.resources().get(i);
            if (i > 0) {
                w.sp();
            }
            w.raw(res.name()).sp().number(res.usage()).sp().number(res.limit());
        }
        w.raw(")");
    }

    private static void esearch(ImapResponse.ESearch e, ResponseWriter w) {
        esearchData(e.correlator(), e.uid(), e.min(), e.max(),
                e.all() == null || e.all().isEmpty() ? null : e.all().toString(), e.count(), e.modSeq(), w);
    }

    /** RFC 9051 7.3.4 / RFC 4731 3.1 (and RFC 7162 3.1.10 MODSEQ): the ESEARCH response. */
    private static void esearchData(String correlator, boolean uid, Long min, Long max, String all, Long count,
            Long modSeq, ResponseWriter w) {
        w.raw("* ESEARCH");
        if (correlator != null) {
            w.raw(" (TAG ").quotedOrLiteral(correlator).raw(")");
        }
        if (uid) {
            w.raw(" UID");
        }
        if (min != null) {
            w.raw(" MIN ").number(min);
        }
        if (max != null) {
            w.raw(" MAX ").number(max);
        }
        if (all != null) {
            w.raw(" ALL ").raw(all);
        }
        if (count != null) {
            w.raw(" COUNT ").number(count);
        }
        if (modSeq != null) {
            w.raw(" MODSEQ ").number(modSeq);
        }
    }

    private static void namespace(List<ImapResponse.NamespaceDescr> list, ResponseWriter w) {
        if (list == null || list.isEmpty()) {
            w.nil();
            return;
        }
        w.raw("(");
        for (ImapResponse.NamespaceDescr d : list) {
            w.raw("(").quotedOrLiteral(w.context().utf8() ? d.prefix()
                    : io.mailstream.imap.proto.types.ModifiedUtf7.encode(d.prefix())).sp();
            delimiter(d.delimiter(), w);
            w.raw(")");
        }
        w.raw(")");
    }

    private static void idParams(Map<String, String> params, ResponseWriter w) {
        if (params == null || params.isEmpty()) {
            // RFC 2971 3.2: an empty list is sent as NIL
            w.nil();
            return;
        }
        w.raw("(");
        boolean first = true;
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (!first) {
                w.sp();
            }
            first = false;
            w.quotedOrLiteral(e.getKey()).sp();
            if (e.getValue() == null) {
                w.nil();
            } else {
                w.quotedOrLiteral(e.getValue());
            }
        }
        w.raw(")");
    }
}
