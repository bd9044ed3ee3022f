package io.mailstream.devstack.launcher;

import static io.mailstream.devstack.launcher.ServiceTableTest.spec;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ReadyLineTest {

    @Test
    void formatsTheDefaultPlatform() {
        List<ServiceInstance> plan = List.of(spec("store").instance(1), spec("imap").instance(1),
                spec("pop3").instance(1));

        assertThat(ReadyLine.format(plan, "127.0.0.1:9092", "mongodb://127.0.0.1:27017",
                "demo@localhost", "demo", "tok"))
                .isEqualTo("READY imap=127.0.0.1:1143 imaps=127.0.0.1:1993 pop3=127.0.0.1:1110 pop3s=127.0.0.1:1995"
                        + " store=http://127.0.0.1:8080 admin=http://127.0.0.1:8080 kafka=127.0.0.1:9092"
                        + " mongodb=mongodb://127.0.0.1:27017 user=demo@localhost password=demo admin-token=tok");
    }

    @Test
    void listsExtraInstancesRightAfterTheirFirst() {
        List<ServiceInstance> plan = List.of(spec("store").instance(1), spec("imap").instance(1),
                spec("imap").instance(2), spec("pop3").instance(1), spec("pop3").instance(2));

        assertThat(ReadyLine.format(plan, "k", "m", "u", "p", "t"))
                .isEqualTo("READY imap=127.0.0.1:1143 imaps=127.0.0.1:1993 imap2=127.0.0.1:1144 imaps2=127.0.0.1:1994"
                        + " pop3=127.0.0.1:1110 pop3s=127.0.0.1:1995 pop3-2=127.0.0.1:1111 pop3s-2=127.0.0.1:1996"
                        + " store=http://127.0.0.1:8080 admin=http://127.0.0.1:8080 kafka=k mongodb=m"
                        + " user=u password=p admin-token=t");
    }

    @Test
    void leavesOutTheAccountWhenThereIsNone() {
        assertThat(ReadyLine.format(List.of(spec("store").instance(1)), "k", "m", null, null, "t"))
                .isEqualTo("READY store=http://127.0.0.1:8080 admin=http://127.0.0.1:8080 kafka=k mongodb=m admin-token=t");
    }
}
