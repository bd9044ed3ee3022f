package io.mailstream.store.mime;

import io.mailstream.store.api.mime.BodyStructure.Param;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.ParserCursor;
import org.apache.james.mime4j.stream.RawBody;
import org.apache.james.mime4j.stream.RawFieldParser;
import org.apache.james.mime4j.util.ByteArrayBuffer;
import org.apache.james.mime4j.util.CharsetUtil;

/**
 * A structured MIME field value ({@code value; name=value; ...}: Content-Type,
 * Content-Disposition) parsed with mime4j's {@link RawFieldParser}, with RFC 2231 parameter
 * continuations and charsets decoded into the value. mime4j's own RFC 2231 mapping
 * (MimeParameterMapping) keeps neither parameter order nor the original name case, which
 * BODYSTRUCTURE wants, hence the small merge here.
 */
record MimeParams(String value, List<Param> params) {

    static MimeParams parse(byte[] unfoldedValue) {
        ByteArrayBuffer buf = new ByteArrayBuffer(unfoldedValue, unfoldedValue.length, false);
        RawBody body = RawFieldParser.DEFAULT.parseRawBody(buf, new ParserCursor(0, unfoldedValue.length));
        String value = body.getValue() == null ? "" : Bytes.octetsToHeaderText(body.getValue()).strip();
        return new MimeParams(value, decode(body.getParams()));
    }

    /** The value of the first parameter with this name (case-insensitive), or null. */
    String param(String name) {
        for (Param p : params) {
            if (p.name().equalsIgnoreCase(name)) {
                return p.value();
            }
        }
        return null;
    }

    /** RFC 2231 3-4: merges name*0, name*1*, ... and decodes charset'lang'%XX values. */
    private static List<Param> decode(List<NameValuePair> raw) {
        Map<String, Object> merged = new LinkedHashMap<>(); // key: lower-case base name
        List<Object> order = new ArrayList<>();
        for (NameValuePair nvp : raw) {
            String name = nvp.getName() == null ? "" : nvp.getName().strip();
            if (name.isEmpty() || nvp.getValue() == null) {
                continue; // "; ;" runs and value-less tokens carry nothing a client can use
            }
            int star = name.indexOf('*');
            if (star <= 0) {
                Param p = new Param(name, Bytes.octetsToHeaderText(nvp.getValue()));
                order.add(p);
                continue;
            }
            String base = name.substring(0, star);
            String rest = name.substring(star + 1);
            boolean encoded = rest.endsWith("*") || rest.isEmpty();
            String num = rest.endsWith("*") ? rest.substring(0, rest.length() - 1) : rest;
            int section;
            try {
                section = num.isEmpty() ? 0 : Integer.parseInt(num);
            } catch (NumberFormatException e) {
                order.add(new Param(name, Bytes.octetsToHeaderText(nvp.getValue())));
                continue;
            }
            String key = base.toLowerCase(java.util.Locale.ROOT);
            Extended ext = (Extended) merged.get(key);
            if (ext == null) {
                ext = new Extended(base, new TreeMap<>());
                merged.put(key, ext);
                order.add(ext);
            }
            ext.sections().putIfAbsent(section, new Section(nvp.getValue(), encoded));
        }
        List<Param> out = new ArrayList<>(order.size());
        for (Object o : order) {
            out.add(o instanceof Param p ? p : ((Extended) o).toParam());
        }
        return List.copyOf(out);
    }

    private record Section(String text, boolean encoded) {
    }

    private record Extended(String name, TreeMap<Integer, Section> sections) {

        Param toParam() {
            Charset charset = null;
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            boolean first = true;
            for (Section s : sections.values()) {
                String text = s.text();
                if (s.encoded()) {
                    if (first) {
                        // RFC 2231 4: charset'language'value on the first encoded section only
                        int q1 = text.indexOf('\'');
                        int q2 = q1 < 0 ? -1 : text.indexOf('\'', q1 + 1);
                        if (q2 >= 0) {
                            charset = lookup(text.substring(0, q1));
                            text = text.substring(q2 + 1);
                        }
                    }
                    percentDecode(text, bytes);
                } else {
                    for (int i = 0; i < text.length(); i++) {
                        bytes.write((byte) text.charAt(i));
                    }
                }
                first = false;
            }
            byte[] b = bytes.toByteArray();
            String value = charset == null ? Bytes.headerText(b, 0, b.length) : new String(b, charset);
            return new Param(name, value);
        }
    }

    /** The charset of an RFC 2231 value; null when unknown (then UTF-8, else ISO-8859-1, is guessed). */
    private static Charset lookup(String name) {
        return name.isBlank() ? null : CharsetUtil.lookup(name.strip());
    }

    private static void percentDecode(String text, ByteArrayOutputStream out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && hex(text.charAt(i + 1)) >= 0 && hex(text.charAt(i + 2)) >= 0) {
                out.write(hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
                i += 2;
            } else {
                out.write((byte) c);
            }
        }
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
