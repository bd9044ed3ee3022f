package io.mailstream.lmtp.proto;

import java.util.ArrayList;
import java.util.List;

/**
 * The replies of the LMTP server, in one place. Enhanced status codes from RFC 3463; the greeting,
 * the LHLO reply and 3xx replies carry none (RFC 2034 4). Addresses in replies are the ones the
 * client sent, in angle brackets, as Postfix logs them.
 */
public final class Replies {
    private Replies() {
    }

    public static Reply greeting(String host) {
        return Reply.of(220, null, host + " Mailstream LMTP ready");
    }

    /** RFC 2033 4.1 / RFC 5321 4.1.1.1: the host name, then one extension per line. */
    public static Reply lhlo(String host, List<String> extensions) {
        List<String> lines = new ArrayList<>();
        lines.add(host);
        lines.addAll(extensions);
        return new Reply(250, null, lines);
    }

    public static Reply ok() {
        return Reply.of(250, "2.0.0", "OK");
    }

    public static Reply senderOk(MailAddress sender) {
        return Reply.of(250, "2.1.0", "Sender <" + (sender == null ? "" : sender) + "> OK");
    }

    public static Reply recipientOk(MailAddress rcpt) {
        return Reply.of(250, "2.1.5", "<" + rcpt + "> Recipient OK");
    }

    public static Reply startData() {
        return Reply.of(354, null, "Start mail input; end with <CRLF>.<CRLF>");
    }

    /** RFC 3030 2: a chunk other than the last was received in full. */
    public static Reply chunkReceived(long size) {
        return Reply.of(250, "2.0.0", size + " octets received");
    }

    public static Reply delivered(MailAddress rcpt) {
        return Reply.of(250, "2.0.0", "<" + rcpt + "> Saved");
    }

    public static Reply bye(String host) {
        return Reply.of(221, "2.0.0", host + " closing connection");
    }

    /** RFC 5321 3.5.3: neither confirm nor deny. */
    public static Reply cannotVerify() {
        return Reply.of(252, "2.5.0", "Cannot VRFY user, but will accept message and attempt delivery");
    }

    public static Reply readyForTls() {
        return Reply.of(220, "2.0.0", "Ready to start TLS");
    }

    public static Reply unknownUser(MailAddress rcpt) {
        return Reply.of(550, "5.1.1", "<" + rcpt + "> User doesn't exist");
    }

    public static Reply overQuota(MailAddress rcpt) {
        return Reply.of(552, "5.2.2", "<" + rcpt + "> Mailbox is full");
    }

    /** RFC 1870 6.1: the declared SIZE exceeds the fixed maximum (answer to MAIL FROM). */
    public static Reply sizeExceedsLimit(long limit) {
        return Reply.of(552, "5.3.4", "Message size exceeds fixed maximum message size of " + limit + " octets");
    }

    /** RFC 1870 6.2: the message turned out larger than the limit (per recipient after the data). */
    public static Reply tooBig(MailAddress rcpt, long limit) {
        return Reply.of(552, "5.3.4", (rcpt == null ? "" : "<" + rcpt + "> ")
                + "Message too big: exceeds " + limit + " octets");
    }

    public static Reply temporaryFailure(MailAddress rcpt) {
        return Reply.of(451, "4.3.0", (rcpt == null ? "" : "<" + rcpt + "> ")
                + "Temporary failure, try again later");
    }

    /** RFC 5321 4.5.3.1.10: too many recipients in this transaction. */
    public static Reply tooManyRecipients(int limit) {
        return Reply.of(452, "4.5.3", "Too many recipients (at most " + limit + " per transaction)");
    }

    public static Reply badSequence(String why) {
        return Reply.of(503, "5.5.1", "Bad sequence of commands: " + why);
    }

    public static Reply unknownCommand() {
        return Reply.of(500, "5.5.1", "Command unrecognized");
    }

    public static Reply notImplemented(String verb) {
        return Reply.of(502, "5.5.1", verb + " not implemented");
    }

    /** RFC 2033 4.1: HELO and EHLO must not get a positive reply; 500 is recommended. */
    public static Reply useLhlo(String verb) {
        return Reply.of(500, "5.5.1", verb + " is not LMTP: use LHLO (RFC 2033 4.1)");
    }

    /** RFC 5321 4.5.3.1.4 / 4.2.2: 500 for a command line that is too long. */
    public static Reply lineTooLong(int limit) {
        return Reply.of(500, "5.5.2", "Line too long (limit " + limit + " octets)");
    }

    public static Reply syntax(String why) {
        return Reply.of(501, "5.5.4", "Syntax error: " + why);
    }

    public static Reply badSender(String why) {
        return Reply.of(501, "5.1.7", "Bad sender address syntax: " + why);
    }

    public static Reply badRecipient(String why) {
        return Reply.of(501, "5.1.3", "Bad recipient address syntax: " + why);
    }

    /** RFC 5321 4.1.1.11: a MAIL or RCPT parameter that is not recognised or not implemented. */
    public static Reply unsupportedParameter(String param) {
        return Reply.of(555, "5.5.4", "Unsupported parameter: " + param);
    }

    public static Reply tlsUnavailable() {
        return Reply.of(502, "5.5.1", "STARTTLS not available");
    }

    public static Reply idleTimeout(String host) {
        return Reply.of(421, "4.4.2", host + " Idle timeout, closing connection");
    }

    public static Reply tooManyErrors(String host) {
        return Reply.of(421, "4.7.0", host + " Too many errors, closing connection");
    }

    public static Reply tooManyConnections(String host) {
        return Reply.of(421, "4.7.0", host + " Too many connections, try again later");
    }

    public static Reply internalError(String host) {
        return Reply.of(421, "4.3.0", host + " Internal error, closing connection");
    }

    public static Reply shuttingDown(String host) {
        return Reply.of(421, "4.3.2", host + " Service shutting down, closing connection");
    }
}
