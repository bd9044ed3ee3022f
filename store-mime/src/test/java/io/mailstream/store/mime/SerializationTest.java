package io.mailstream.store.mime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.mailstream.store.api.mime.BodyStructure;
import io.mailstream.store.api.mime.Envelope;
import org.junit.jupiter.api.Test;

/** The analysis is stored as JSON/BSON: every record must survive a plain Jackson round trip. */
class SerializationTest {

    static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void analysisRoundTripsThroughJson() throws Exception {
        MessageAnalysis a = MessageAnalyzer.analyze(SectionsTest.RAW);
        assertThat(MAPPER.readValue(MAPPER.writeValueAsString(a.parts()), PartIndex.class)).isEqualTo(a.parts());
        assertThat(MAPPER.readValue(MAPPER.writeValueAsString(a.search()), SearchFields.class)).isEqualTo(a.search());
        assertThat(MAPPER.readValue(MAPPER.writeValueAsString(a.envelope()), Envelope.class)).isEqualTo(a.envelope());
        assertThat(MAPPER.readValue(MAPPER.writeValueAsString(a.bodyStructure()), BodyStructure.class))
                .isEqualTo(a.bodyStructure());
    }

    @Test
    void partIndexJsonHoldsOnlyItsComponents() throws Exception {
        String json = MAPPER.writeValueAsString(MessageAnalyzer.analyze(Msg.crlf("Subject: x\n\ny\n")).parts());
        assertThat(json).isEqualTo("{\"headerStart\":0,\"bodyStart\":14,\"bodyEnd\":17,\"contentType\":\"text/plain\","
                + "\"transferEncoding\":\"7bit\",\"parts\":[],\"message\":null}");
    }

    @Test
    void sentDateIsStoredAsText() throws Exception {
        SearchFields s = MessageAnalyzer.analyze(Msg.crlf("Date: 1 Feb 2024 10:00:00 +0100\n\nx")).search();
        assertThat(MAPPER.writeValueAsString(s)).contains("\"sentDate\":\"2024-02-01\"")
                .contains("\"sentAt\":\"2024-02-01T09:00:00Z\"");
    }
}
