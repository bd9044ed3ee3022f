package io.mailstream.store.mime;

import io.mailstream.store.api.mime.Address;
import io.mailstream.store.api.mime.BodyStructure;
import io.mailstream.store.api.mime.Envelope;
import java.util.List;

/**
 * Test helper: writes ENVELOPE and BODYSTRUCTURE in RFC 9051 section 9 syntax (quoted strings
 * only, no literals), to compare with the RFC's own examples. The real encoder lives in the IMAP
 * module.
 */
final class ImapSyntax {

    private ImapSyntax() {
    }

    static String envelope(Envelope e) {
        return "(" + nstring(e.date()) + " " + nstring(e.subject()) + " " + addresses(e.from()) + " "
                + addresses(e.sender()) + " " + addresses(e.replyTo()) + " " + addresses(e.to()) + " "
                + addresses(e.cc()) + " " + addresses(e.bcc()) + " " + nstring(e.inReplyTo()) + " "
                + nstring(e.messageId()) + ")";
    }

    /** BODYSTRUCTURE with extension data; {@code extended=false} gives the BODY form. */
    static String body(BodyStructure b, boolean extended) {
        StringBuilder sb = new StringBuilder();
        write(sb, b, extended);
        return sb.toString();
    }

    private static void write(StringBuilder sb, BodyStructure b, boolean ext) {
        sb.append('(');
        if (b instanceof BodyStructure.Multi m) {
            for (BodyStructure p : m.parts()) {
                write(sb, p, ext);
            }
            sb.append(' ').append(string(m.subtype()));
            if (ext) {
                sb.append(' ').append(params(m.params())).append(' ').append(disposition(m.disposition()))
                        .append(' ').append(language(m.language())).append(' ').append(nstring(m.location()));
            }
        } else {
            BodyStructure.Single s = (BodyStructure.Single) b;
            sb.append(string(s.type())).append(' ').append(string(s.subtype())).append(' ')
                    .append(params(s.params())).append(' ').append(nstring(s.id())).append(' ')
                    .append(nstring(s.description())).append(' ').append(string(s.encoding())).append(' ')
                    .append(s.size());
            if (s.envelope() != null) {
                sb.append(' ').append(envelope(s.envelope())).append(' ');
                write(sb, s.body(), ext);
                sb.append(' ').append(s.lines());
            } else if (s.lines() != null) {
                sb.append(' ').append(s.lines());
            }
            if (ext) {
                sb.append(' ').append(nstring(s.md5())).append(' ').append(disposition(s.disposition()))
                        .append(' ').append(language(s.language())).append(' ').append(nstring(s.location()));
            }
        }
        sb.append(')');
    }

    private static String params(List<BodyStructure.Param> params) {
        if (params.isEmpty()) {
            return "NIL";
        }
        StringBuilder sb = new StringBuilder("(");
        for (BodyStructure.Param p : params) {
            if (sb.length() > 1) {
                sb.append(' ');
            }
            sb.append(string(p.name())).append(' ').append(string(p.value()));
        }
        return sb.append(')').toString();
    }

    private static String disposition(BodyStructure.Disposition d) {
        return d == null ? "NIL" : "(" + string(d.type()) + " " + params(d.params()) + ")";
    }

    private static String language(List<String> langs) {
        if (langs.isEmpty()) {
            return "NIL";
        }
        if (langs.size() == 1) {
            return string(langs.get(0));
        }
        StringBuilder sb = new StringBuilder("(");
        for (String l : langs) {
            if (sb.length() > 1) {
                sb.append(' ');
            }
            sb.append(string(l));
        }
        return sb.append(')').toString();
    }

    private static String addresses(List<Address> list) {
        if (list.isEmpty()) {
            return "NIL";
        }
        StringBuilder sb = new StringBuilder("(");
        for (Address a : list) {
            sb.append('(').append(nstring(a.name())).append(' ').append(nstring(a.adl())).append(' ')
                    .append(nstring(a.mailbox())).append(' ').append(nstring(a.host())).append(')');
        }
        return sb.append(')').toString();
    }

    static String nstring(String s) {
        return s == null ? "NIL" : string(s);
    }

    static String string(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
