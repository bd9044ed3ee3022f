package io.mailstream.imap.proto.encode;

import io.mailstream.store.api.mime.Address;
import io.mailstream.store.api.mime.BodyStructure;
import io.mailstream.store.api.mime.Envelope;
import java.util.List;

/** ENVELOPE and BODY / BODYSTRUCTURE of RFC 9051 7.5.2 and the {@code body} rules of 9. */
final class BodyEncoder {
    private BodyEncoder() {
    }

    /** envelope = "(" env-date SP env-subject SP env-from SP ... env-message-id ")". */
    static void envelope(Envelope e, ResponseWriter w) {
        w.raw("(").nstring(e.date()).sp().nstring(e.subject()).sp();
        addresses(e.from(), w);
        w.sp();
        addresses(e.sender(), w);
        w.sp();
        addresses(e.replyTo(), w);
        w.sp();
        addresses(e.to(), w);
        w.sp();
        addresses(e.cc(), w);
        w.sp();
        addresses(e.bcc(), w);
        w.sp().nstring(e.inReplyTo()).sp().nstring(e.messageId()).raw(")");
    }

    /** "(" 1*address ")" / nil; addresses are concatenated without SP. */
    private static void addresses(List<Address> list, ResponseWriter w) {
        if (list == null || list.isEmpty()) {
            w.nil();
            return;
        }
        w.raw("(");
        for (Address a : list) {
            w.raw("(").nstring(a.name()).sp().nstring(a.adl()).sp().nstring(a.mailbox()).sp()
                    .nstring(a.host()).raw(")");
        }
        w.raw(")");
    }

    /** body = "(" (body-type-1part / body-type-mpart) ")"; extension data only if extensible. */
    static void body(BodyStructure b, boolean extensible, ResponseWriter w) {
        if (b instanceof BodyStructure.Multi m) {
            multi(m, extensible, w);
        } else if (b instanceof BodyStructure.Single s) {
            single(s, extensible, w);
        } else {
            single(emptyText(), extensible, w);
        }
    }

    private static void multi(BodyStructure.Multi m, boolean extensible, ResponseWriter w) {
        w.raw("(");
        // body-type-mpart = 1*body SP media-subtype [SP body-ext-mpart]
        if (m.parts().isEmpty()) {
            single(emptyText(), extensible, w);
        }
        for (BodyStructure p : m.parts()) {
            body(p, extensible, w);
        }
        w.sp().string(orDefault(m.subtype(), "MIXED"));
        if (extensible) {
            // body-ext-mpart = body-fld-param [SP body-fld-dsp [SP body-fld-lang [SP body-fld-loc]]]
            w.sp();
            params(m.params(), w);
            w.sp();
            disposition(m.disposition(), w);
            w.sp();
            language(m.language(), w);
            w.sp().nstring(m.location());
        }
        w.raw(")");
    }

    private static void single(BodyStructure.Single s, boolean extensible, ResponseWriter w) {
        String type = orDefault(s.type(), "TEXT");
        String subtype = orDefault(s.subtype(), "PLAIN");
        w.raw("(").string(type).sp().string(subtype).sp();
        // body-fields = body-fld-param SP body-fld-id SP body-fld-desc SP body-fld-enc SP body-fld-octets
        params(s.params(), w);
        w.sp().nstring(s.id()).sp().nstring(s.description()).sp().string(orDefault(s.encoding(), "7BIT")).sp()
                .number(s.size());
        if (isMessage(type, subtype)) {
            // body-type-msg: ... SP envelope SP body SP body-fld-lines
            w.sp();
            envelope(s.envelope() == null ? emptyEnvelope() : s.envelope(), w);
            w.sp();
            body(s.body() == null ? emptyText() : s.body(), extensible, w);
            w.sp().number(s.lines() == null ? 0 : s.lines());
        } else if (type.equalsIgnoreCase("TEXT")) {
            // body-type-text: ... SP body-fld-lines
            w.sp().number(s.lines() == null ? 0 : s.lines());
        }
        if (extensible) {
            // body-ext-1part = body-fld-md5 [SP body-fld-dsp [SP body-fld-lang [SP body-fld-loc]]]
            w.sp().nstring(s.md5()).sp();
            disposition(s.disposition(), w);
            w.sp();
            language(s.language(), w);
            w.sp().nstring(s.location());
        }
        w.raw(")");
    }

    /** media-message = "MESSAGE" SP ("RFC822" / "GLOBAL"). */
    private static boolean isMessage(String type, String subtype) {
        return type.equalsIgnoreCase("MESSAGE")
                && (subtype.equalsIgnoreCase("RFC822") || subtype.equalsIgnoreCase("GLOBAL"));
    }

    /** body-fld-param = "(" string SP string *(SP string SP string) ")" / nil. */
    private static void params(List<BodyStructure.Param> params, ResponseWriter w) {
        if (params == null || params.isEmpty()) {
            w.nil();
            return;
        }
        w.raw("(");
        for (int i = 0; i < params.size(); i++) {
            if (i > 0) {
                w.sp();
            }
            BodyStructure.Param p = params.get(i);
            w.string(orDefault(p.name(), "")).sp().string(orDefault(p.value(), ""));
        }
        w.raw(")");
    }

    /** body-fld-dsp = "(" string SP body-fld-param ")" / nil. */
    private static void disposition(BodyStructure.Disposition d, ResponseWriter w) {
        if (d == null || d.type() == null) {
            w.nil();
            return;
        }
        w.raw("(").string(d.type()).sp();
        params(d.params(), w);
        w.raw(")");
    }

    /** body-fld-lang = nstring / "(" string *(SP string) ")". */
    private static void language(List<String> langs, ResponseWriter w) {
        if (langs == null || langs.isEmpty()) {
            w.nil();
        } else if (langs.size() == 1) {
            w.string(langs.get(0));
        } else {
            w.raw("(");
            for (int i = 0; i < langs.size(); i++) {
                if (i > 0) {
                    w.sp();
                }
                w.string(langs.get(i));
            }
            w.raw(")");
        }
    }

    private static String orDefault(String s, String d) {
        return s == null ? d : s;
    }

    private static BodyStructure.Single emptyText() {
        return new BodyStructure.Single("TEXT", "PLAIN", List.of(), null, null, "7BIT", 0, 0L, null, null, null,
                null, List.of(), null);
    }

    private static Envelope emptyEnvelope() {
        return new Envelope(null, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, null);
    }
}
