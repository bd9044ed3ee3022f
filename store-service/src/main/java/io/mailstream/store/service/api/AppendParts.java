package io.mailstream.store.service.api;

import io.mailstream.store.api.AppendItem;
import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.StoreException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The wire form of an append-all request: {@code part=size,date,flags} per message, octets back to back. */
final class AppendParts {
    private AppendParts() {
    }

    static List<AppendItem> split(List<String> parts, byte[] body) {
        if (parts == null || parts.isEmpty() || body == null) {
            throw new StoreException(StoreErrorCode.BADREQUEST, "no messages");
        }
        List<AppendItem> items = new ArrayList<>(parts.size());
        int offset = 0;
        for (String p : parts) {
            String[] f = p.split(",", 3);
            if (f.length != 3) {
                throw new StoreException(StoreErrorCode.BADREQUEST, "bad part: " + p);
            }
            int size;
            OffsetDateTime date;
            try {
                size = Integer.parseInt(f[0]);
                date = f[1].isEmpty() ? null : internalDate(f[1]);
            } catch (NumberFormatException | DateTimeParseException e) {
                throw new StoreException(StoreErrorCode.BADREQUEST, "bad part: " + p);
            }
            if (size < 0 || size > body.length - offset) {
                throw new StoreException(StoreErrorCode.BADREQUEST, "part sizes do not match the body");
            }
            Set<String> flags = new LinkedHashSet<>();
            for (String flag : f[2].split(" ")) {
                if (!flag.isEmpty()) {
                    flags.add(flag);
                }
            }
            items.add(AppendItem.at(flags, date, Arrays.copyOfRange(body, offset, offset + size)));
            offset += size;
        }
        if (offset != body.length) {
            throw new StoreException(StoreErrorCode.BADREQUEST, "part sizes do not match the body");
        }
        return items;
    }

    /**
     * An internal date on the wire: ISO-8601 with its zone ({@code 2026-11-26T10:39:37+01:00},
     * RFC 9051 2.3.3) or an instant ({@code ...Z}, as older clients send it: +0000).
     */
    static OffsetDateTime internalDate(String text) {
        return OffsetDateTime.parse(text);
    }
}
