package io.mailstream.pop3.server;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Address checks for the plaintext-authentication policy. */
final class Addresses {
    private Addresses() {
    }

    /** True for 127.0.0.0/8, ::1 and their IPv4-mapped forms; {@code ip} is a literal, never resolved. */
    static boolean isLoopback(String ip) {
        if (ip == null || ip.isEmpty() || !(Character.digit(ip.charAt(0), 16) >= 0 || ip.charAt(0) == ':')) {
            return false;
        }
        try {
            return InetAddress.getByName(ip).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
