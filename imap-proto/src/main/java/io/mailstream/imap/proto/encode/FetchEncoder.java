package io.mailstream.imap.proto.encode;

import io.mailstream.imap.proto.response.FetchAttribute;
import io.mailstream.imap.proto.response.NString;
import io.mailstream.imap.proto.types.ImapDateTime;
import io.mailstream.store.api.SectionSpec;
import java.util.List;

/** {@code msg-att} of RFC 9051 9, one FETCH data item at a time. */
final class FetchEncoder {
    private FetchEncoder() {
    }

    static void write(List<FetchAttribute> attributes, ResponseWriter w) {
        w.raw("(");
        for (int i = 0; i < attributes.size(); i++) {
            if (i > 0) {
                w.sp();
            }
            attribute(attributes.get(i), w);
        }
        w.raw(")");
    }

    private static void attribute(FetchAttribute a, ResponseWriter w) {
        if (a instanceof FetchAttribute.Flags f) {
            w.raw("FLAGS ");
            ResponseEncoders.flagList(f.flags(), w);
        } else if (a instanceof FetchAttribute.Uid u) {
            w.raw("UID ").number(u.uid());
        } else if (a instanceof FetchAttribute.InternalDate d) {
            w.raw("INTERNALDATE \"").raw(ImapDateTime.format(d.date())).raw("\"");
        } else if (a instanceof FetchAttribute.Rfc822Size s) {
            w.raw("RFC822.SIZE ").number(s.size());
        } else if (a instanceof FetchAttribute.Envelope e) {
            w.raw("ENVELOPE ");
            BodyEncoder.envelope(e.envelope(), w);
        } else if (a instanceof FetchAttribute.BodyStructure b) {
            w.raw("BODYSTRUCTURE ");
            BodyEncoder.body(b.body(), true, w);
        } else if (a instanceof FetchAttribute.Body b) {
            w.raw("BODY ");
            BodyEncoder.body(b.body(), false, w);
        } else if (a instanceof FetchAttribute.ModSeq m) {
            // RFC 7162 3.1.4.1: MODSEQ (n)
            w.raw("MODSEQ (").number(m.modSeq()).raw(")");
        } else if (a instanceof FetchAttribute.BodySection s) {
            w.raw("BODY[");
            section(s.section(), w);
            w.raw("]");
            origin(s.origin(), w);
            w.sp();
            data(s.data(), false, w);
        } else if (a instanceof FetchAttribute.Binary b) {
            w.raw("BINARY[").raw(part(b.part())).raw("]");
            origin(b.origin(), w);
            w.sp();
            data(b.data(), true, w);
        } else if (a instanceof FetchAttribute.BinarySize b) {
            w.raw("BINARY.SIZE[").raw(part(b.part())).raw("] ").number(b.size());
        } else if (a instanceof FetchAttribute.Rfc822 r) {
            w.raw("RFC822 ");
            data(r.data(), false, w);
        } else if (a instanceof FetchAttribute.Rfc822Header r) {
            w.raw("RFC822.HEADER ");
            data(r.data(), false, w);
        } else if (a instanceof FetchAttribute.Rfc822Text r) {
            w.raw("RFC822.TEXT ");
            data(r.data(), false, w);
        } else if (a instanceof FetchAttribute.EmailId e) {
            w.raw("EMAILID (").raw(e.id()).raw(")");
        } else if (a instanceof FetchAttribute.ThreadId t) {
            // RFC 8474 5.3: NIL when the server has no THREADID for the message
            if (t.id() == null) {
                w.raw("THREADID NIL");
            } else {
                w.raw("THREADID (").raw(t.id()).raw(")");
            }
        }
    }

    private static void origin(Long origin, ResponseWriter w) {
        if (origin != null) {
            w.raw("<").number(origin).raw(">");
        }
    }

    /** Body data: NIL, quoted or literal; BINARY data with NUL as literal8 (RFC 9051 7.5.2). */
    private static void data(NString d, boolean binary, ResponseWriter w) {
        if (d instanceof NString.Nil) {
            w.nil();
        } else if (d instanceof NString.Bytes b) {
            byte[] o = b.octets();
            if (binary && hasNul(o)) {
                w.literal8(o);
            } else if (o.length == 0) {
                w.raw("\"\"");
            } else {
                // Message data always as a literal: it is rarely quotable and clients expect it.
                w.literal(o);
            }
        } else if (d instanceof NString.Streamed s) {
            w.streamedLiteral(s.size(), s.literal8(), s.source());
        }
    }

    private static boolean hasNul(byte[] b) {
        for (byte x : b) {
            if (x == 0) {
                return true;
            }
        }
        return false;
    }

    static String part(List<Integer> part) {
        StringBuilder sb = new StringBuilder();
        for (int p : part) {
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(p);
        }
        return sb.toString();
    }

    /** section-spec as the client asked for it (RFC 9051 7.5.2: echoed in the response). */
    static void section(SectionSpec s, ResponseWriter w) {
        String p = part(s.part());
        w.raw(p);
        String text = switch (s.text()) {
            case FULL -> "";
            case HEADER -> "HEADER";
            case HEADER_FIELDS -> "HEADER.FIELDS";
            case HEADER_FIELDS_NOT -> "HEADER.FIELDS.NOT";
            case TEXT -> "TEXT";
            case MIME -> "MIME";
        };
        if (!p.isEmpty() && !text.isEmpty()) {
            w.raw(".");
        }
        w.raw(text);
        if (s.text() == SectionSpec.Text.HEADER_FIELDS || s.text() == SectionSpec.Text.HEADER_FIELDS_NOT) {
            w.raw(" (");
            for (int i = 0; i < s.fields().size(); i++) {
                if (i > 0) {
                    w.sp();
                }
                w.astring(s.fields().get(i));
            }
            w.raw(")");
        }
    }
}
