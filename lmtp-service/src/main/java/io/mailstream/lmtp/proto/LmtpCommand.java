package io.mailstream.lmtp.proto;

/**
 * The commands an LMTP server understands (RFC 2033 4, which is RFC 5321 4.1 with LHLO in place of
 * HELO/EHLO, plus the extensions advertised in the LHLO reply).
 */
public sealed interface LmtpCommand {

    /** RFC 2033 4.1: same semantics as EHLO. */
    record Lhlo(String clientName) implements LmtpCommand {
    }

    /**
     * RFC 5321 4.1.1.2.
     *
     * @param sender       the reverse-path, or null for the null path {@code <>}
     * @param declaredSize RFC 1870 SIZE parameter, or -1 when absent
     * @param body         RFC 6152 / RFC 3030 BODY parameter (7BIT when absent)
     */
    record MailFrom(MailAddress sender, long declaredSize, BodyType body) implements LmtpCommand {
    }

    /** RFC 5321 4.1.1.3. */
    record RcptTo(MailAddress recipient) implements LmtpCommand {
    }

    /** RFC 5321 4.1.1.4. */
    record Data() implements LmtpCommand {
    }

    /** RFC 3030 2: a chunk of {@code size} octets follows the command line at once. */
    record Bdat(long size, boolean last) implements LmtpCommand {
    }

    /** RFC 5321 4.1.1.5. */
    record Rset() implements LmtpCommand {
    }

    /** RFC 5321 4.1.1.6: answered 252 (3.5.3), never confirming or denying a user. */
    record Vrfy(String argument) implements LmtpCommand {
    }

    /** RFC 5321 4.1.1.9. */
    record Noop() implements LmtpCommand {
    }

    /** RFC 5321 4.1.1.10. */
    record Quit() implements LmtpCommand {
    }

    /** RFC 3207 4. */
    record StartTls() implements LmtpCommand {
    }

    /** RFC 6152 2 and RFC 3030 3: the body type declared on MAIL FROM. */
    enum BodyType {
        SEVEN_BIT,
        EIGHT_BIT_MIME,
        BINARY_MIME
    }
}
