package io.mailstream.pop3.proto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponsesTest {
    @Test
    void statusLines() {
        assertThat(Responses.ok()).isEqualTo("+OK\r\n");
        assertThat(Responses.ok("2 320")).isEqualTo("+OK 2 320\r\n");
        assertThat(Responses.err("no such message")).isEqualTo("-ERR no such message\r\n");
        assertThat(Responses.err(RespCode.IN_USE, "Do you have another POP session running?"))
                .isEqualTo("-ERR [IN-USE] Do you have another POP session running?\r\n");
        assertThat(Responses.err(RespCode.SYS_TEMP, "x")).isEqualTo("-ERR [SYS/TEMP] x\r\n");
        assertThat(Responses.err(RespCode.AUTH, "x")).isEqualTo("-ERR [AUTH] x\r\n");
    }

    @Test
    void neverTwoLinesAndNeverLongerThan512Octets() {
        assertThat(Responses.err("a\r\nb")).isEqualTo("-ERR a  b\r\n");
        assertThat(Responses.ok("x".repeat(2000)).getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(512);
    }

    @Test
    void multiLineIsStuffedAndTerminated() {
        assertThat(new String(Responses.multiLine("+OK\r\n", List.of("1 120", ".hidden")), StandardCharsets.UTF_8))
                .isEqualTo("+OK\r\n1 120\r\n..hidden\r\n.\r\n");
        assertThat(new String(Responses.multiLine("+OK\r\n", List.of()), StandardCharsets.UTF_8))
                .isEqualTo("+OK\r\n.\r\n");
    }
}
