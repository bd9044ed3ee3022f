package io.mailstream.store.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.StoreException;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;

/** JSON of the store API (ISO-8601 instants, unknown fields ignored for forward compatibility). */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Json() {
    }

    static Buffer encode(Object o) {
        try {
            return Buffer.buffer(MAPPER.writeValueAsBytes(o));
        } catch (JsonProcessingException e) {
            throw new StoreException(StoreErrorCode.BADREQUEST, "cannot encode request: " + e.getOriginalMessage());
        }
    }

    static <T> T decode(Buffer body, Class<T> type) {
        return decode(body, MAPPER.constructType(type));
    }

    static <T> T decode(Buffer body, TypeReference<T> type) {
        return decode(body, MAPPER.constructType(type));
    }

    private static <T> T decode(Buffer body, JavaType type) {
        try {
            return MAPPER.readValue(body.getBytes(), type);
        } catch (IOException e) {
            throw new StoreException(StoreErrorCode.SERVERBUG, "unexpected store answer: " + e.getMessage());
        }
    }
}
