package io.mailstream.store.api.mime;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * BODYSTRUCTURE of RFC 9051 7.5.2 (and its extension data), computed once at append time.
 * Parameter lists keep header order; names as in the message, values decoded per RFC 2231.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = BodyStructure.Single.class, name = "single"),
    @JsonSubTypes.Type(value = BodyStructure.Multi.class, name = "multi")
})
public sealed interface BodyStructure {

    /** A name/value pair of a parameter list (order matters, duplicates possible). */
    record Param(String name, String value) {
    }

    /** Content-Disposition: type and parameters; null when the header is absent. */
    record Disposition(String type, List<Param> params) {
    }

    /**
     * A non-multipart body.
     *
     * @param lines      number of lines, for text/* and message/rfc822 (null otherwise)
     * @param envelope   for message/rfc822 (and message/global): the encapsulated envelope
     * @param body       for message/rfc822: the encapsulated body structure
     * @param size       body-fld-octets: size in octets of the body in its transfer encoding
     */
    record Single(
            String type,
            String subtype,
            List<Param> params,
            String id,
            String description,
            String encoding,
            long size,
            Long lines,
            Envelope envelope,
            BodyStructure body,
            String md5,
            Disposition disposition,
            List<String> language,
            String location) implements BodyStructure {
    }

    /** A multipart body: its parts, subtype and extension data. */
    record Multi(
            List<BodyStructure> parts,
            String subtype,
            List<Param> params,
            Disposition disposition,
            List<String> language,
            String location) implements BodyStructure {
    }
}
