package io.mailstream.store.mime;

import io.mailstream.store.api.mime.BodyStructure.Disposition;
import io.mailstream.store.api.mime.BodyStructure.Param;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The MIME description of one entity, from its header (RFC 2045, RFC 2183, RFC 3282, RFC 2557).
 *
 * <p>Case: {@code type}, {@code subtype}, parameter names and the encoding keep the case of the
 * header, as Dovecot and Cyrus do; defaults are written in upper case like the RFC 9051 7.5.2
 * examples ({@code "TEXT" "PLAIN" ("CHARSET" "US-ASCII")}, {@code "7BIT"}). {@link #mediaType()}
 * and {@link #encoding()} are the lower-case forms used for decisions.
 *
 * <p>Defaults (RFC 2045 5.2): no or an invalid Content-Type is text/plain; charset=us-ascii
 * (message/rfc822 inside multipart/digest, RFC 2046 5.1.5). A type without subtype is accepted
 * for "text" only (= text/plain). A multipart without a boundary parameter cannot be split, so it
 * is treated as invalid too. A text/* type without charset gets ("CHARSET" "US-ASCII") appended.
 */
record ContentInfo(
        String type,
        String subtype,
        List<Param> params,
        String rawEncoding,
        String id,
        String description,
        String md5,
        Disposition disposition,
        List<String> language,
        String location) {

    static ContentInfo of(byte[] buf, HeaderParser.Header header, boolean digestChild) {
        String type = null;
        String subtype = null;
        List<Param> params = List.of();
        HeaderParser.Field ct = header.first("Content-Type");
        if (ct != null) {
            MimeParams mp = MimeParams.parse(ct.valueBytes(buf));
            String v = mp.value();
            int slash = v.indexOf('/');
            if (slash > 0 && slash < v.length() - 1) {
                type = v.substring(0, slash).strip();
                subtype = v.substring(slash + 1).strip();
            } else if (slash < 0 && v.equalsIgnoreCase("text")) {
                type = v;
                subtype = "plain";
            }
            if (type != null && (!isToken(type) || !isToken(subtype))) {
                type = null;
            }
            if (type != null && type.equalsIgnoreCase("multipart") && blank(mp.param("boundary"))) {
                type = null;
            }
            if (type != null) {
                params = mp.params();
            }
        }
        if (type == null) {
            if (digestChild) {
                type = "MESSAGE";
                subtype = "RFC822";
                params = List.of();
            } else {
                type = "TEXT";
                subtype = "PLAIN";
                params = List.of();
            }
        }
        if (type.equalsIgnoreCase("text") && params.stream().noneMatch(p -> p.name().equalsIgnoreCase("charset"))) {
            List<Param> withCharset = new ArrayList<>(params);
            withCharset.add(new Param("CHARSET", "US-ASCII"));
            params = List.copyOf(withCharset);
        }
        String enc = text(buf, header, "Content-Transfer-Encoding");
        if (enc != null && enc.isEmpty()) {
            enc = null;
        }
        return new ContentInfo(type, subtype, params, enc,
                text(buf, header, "Content-ID"),
                text(buf, header, "Content-Description"),
                text(buf, header, "Content-MD5"),
                disposition(buf, header),
                language(buf, header),
                text(buf, header, "Content-Location"));
    }

    /** Lower-case {@code type/subtype}. */
    String mediaType() {
        return (type + "/" + subtype).toLowerCase(Locale.ROOT);
    }

    /** Lower-case transfer encoding, {@code 7bit} when absent (RFC 2045 6.1). */
    String encoding() {
        return rawEncoding == null ? "7bit" : rawEncoding.toLowerCase(Locale.ROOT);
    }

    /** The encoding for BODYSTRUCTURE: as written, "7BIT" when absent. */
    String bodyEncoding() {
        return rawEncoding == null ? "7BIT" : rawEncoding;
    }

    boolean isMultipart() {
        return type.equalsIgnoreCase("multipart");
    }

    boolean isText() {
        return type.equalsIgnoreCase("text");
    }

    /** message/rfc822 and message/global (RFC 6532) encapsulate a whole message. */
    boolean isMessage() {
        return type.equalsIgnoreCase("message")
                && (subtype.equalsIgnoreCase("rfc822") || subtype.equalsIgnoreCase("global"));
    }

    /** True when the body is not transfer-encoded, so it can be parsed in place. */
    boolean isIdentityEncoding() {
        String e = encoding();
        return e.equals("7bit") || e.equals("8bit") || e.equals("binary");
    }

    String param(String name) {
        for (Param p : params) {
            if (p.name().equalsIgnoreCase(name)) {
                return p.value();
            }
        }
        return null;
    }

    private static Disposition disposition(byte[] buf, HeaderParser.Header header) {
        HeaderParser.Field f = header.first("Content-Disposition");
        if (f == null) {
            return null;
        }
        MimeParams mp = MimeParams.parse(f.valueBytes(buf));
        if (mp.value().isEmpty()) {
            return null;
        }
        return new Disposition(mp.value(), mp.params());
    }

    /** RFC 3282: a comma-separated list of language tags; comments and whitespace dropped. */
    private static List<String> language(byte[] buf, HeaderParser.Header header) {
        String v = text(buf, header, "Content-Language");
        if (v == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String tag : v.replaceAll("\\([^)]*\\)", " ").split(",")) {
            String t = tag.strip();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return List.copyOf(out);
    }

    private static String text(byte[] buf, HeaderParser.Header header, String name) {
        HeaderParser.Field f = header.first(name);
        return f == null ? null : f.value(buf);
    }

    private static boolean blank(String s) {
        return s == null || s.isEmpty();
    }

    /** RFC 2045 5.1 token: no SP, CTLs or tspecials. */
    private static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c >= 127 || "()<>@,;:\\\"/[]?=".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }
}
