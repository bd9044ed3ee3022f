package io.mailstream.platform.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.platform.k8s.NetworkPolicyModel.Source;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Who can connect to what, under the rendered NetworkPolicies and Strimzi's listener policy. */
class NetworkPolicyTest {
    static final java.util.List<String> KUSTOMIZATIONS = Rendered.KUSTOMIZATIONS;

    private static final String NS = Manifests.NAMESPACE;
    private static final Source IMAP = pod("imap-service");
    private static final Source POP3 = pod("pop3-service");
    private static final Source LMTP = pod("lmtp-service");
    private static final Source STORE = pod("store-service");
    private static final Source OTHER_POD = Source.pod(NS, Map.of("app.kubernetes.io/name", "debug-shell"));
    private static final Source MTA = Source.pod("mail-relay", Map.of("app.kubernetes.io/name", "postfix"));
    private static final Source PROMETHEUS = Source.pod("monitoring", Map.of("app.kubernetes.io/name", "prometheus"));
    private static final Source INTERNET = Source.external();

    private static Source pod(String service) {
        return Source.pod(NS, Map.of("app.kubernetes.io/name", service, "app.kubernetes.io/part-of", "mailstream"));
    }

    private static PodShape target(Manifests m, String owner) {
        return m.pods().stream().filter(p -> p.owner().equals(owner)).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @FieldSource("KUSTOMIZATIONS")
    void onlyTheFrontEndsReachTheStoreApiAndOnlyPrometheusBesides(String k) {
        Manifests m = Rendered.of(k);
        NetworkPolicyModel np = new NetworkPolicyModel(m);
        PodShape store = target(m, "Deployment/store-service");
        assertThat(np.allows(IMAP, store, 8080)).isTrue();
        assertThat(np.allows(POP3, store, 8080)).isTrue();
        assertThat(np.allows(LMTP, store, 8080)).isTrue();
        assertThat(np.allows(PROMETHEUS, store, 8080)).isTrue();
        assertThat(np.allows(OTHER_POD, store, 8080)).isFalse();
        assertThat(np.allows(MTA, store, 8080)).isFalse();
        assertThat(np.allows(INTERNET, store, 8080)).isFalse();
    }

    @ParameterizedTest
    @FieldSource("KUSTOMIZATIONS")
    void onlyTheStoreReachesMongoDb(String k) {
        Manifests m = Rendered.of(k);
        NetworkPolicyModel np = new NetworkPolicyModel(m);
        PodShape mongo = target(m, "MongoDBCommunity/mailstream-mongodb");
        assertThat(np.allows(STORE, mongo, 27017)).isTrue();
        assertThat(np.allows(Source.pod(NS, mongo.labels()), mongo, 27017)).as("replication").isTrue();
        for (Source s : new Source[] {IMAP, POP3, LMTP, OTHER_POD, PROMETHEUS, INTERNET}) {
            assertThat(np.allows(s, mongo, 27017)).as("%s", s).isFalse();
        }
    }

    @ParameterizedTest
    @FieldSource("KUSTOMIZATIONS")
    void theStoreAndTheImapServiceReachKafkaAndNothingElseDoes(String k) {
        Manifests m = Rendered.of(k);
        NetworkPolicyModel np = new NetworkPolicyModel(m);
        PodShape kafka = target(m, "KafkaNodePool/dual-role");
        assertThat(np.allows(STORE, kafka, 9092)).isTrue();
        assertThat(np.allows(IMAP, kafka, 9092)).isTrue();
        for (Source s : new Source[] {POP3, LMTP, OTHER_POD, INTERNET}) {
            assertThat(np.allows(s, kafka, 9092)).as("%s", s).isFalse();
        }
    }

    @ParameterizedTest
    @FieldSource("KUSTOMIZATIONS")
    void mailPortsAreOpenToTheInternetLmtpOnlyInsideTheClusterAndMetricsOnlyToPrometheus(String k) {
        Manifests m = Rendered.of(k);
        NetworkPolicyModel np = new NetworkPolicyModel(m);
        PodShape imap = target(m, "Deployment/imap-service");
        PodShape pop3 = target(m, "Deployment/pop3-service");
        PodShape lmtp = target(m, "Deployment/lmtp-service");
        assertThat(np.allows(INTERNET, imap, 1143)).isTrue();
        assertThat(np.allows(INTERNET, imap, 1993)).isTrue();
        assertThat(np.allows(INTERNET, pop3, 1110)).isTrue();
        assertThat(np.allows(INTERNET, pop3, 1995)).isTrue();
        assertThat(np.allows(MTA, lmtp, 1024)).isTrue();
        assertThat(np.allows(INTERNET, lmtp, 1024)).isFalse();
        for (PodShape p : new PodShape[] {imap, pop3, lmtp}) {
            int http = p.namedPorts().get("http");
            assertThat(np.allows(PROMETHEUS, p, http)).as(p.owner()).isTrue();
            assertThat(np.allows(INTERNET, p, http)).as(p.owner()).isFalse();
            assertThat(np.allows(OTHER_POD, p, http)).as(p.owner()).isFalse();
        }
    }

    @Test
    void aPodThatNoPolicySelectsAcceptsEverything() {
        Manifests m = Rendered.of("base");
        m.all().removeIf(r -> r.getKind().equals("NetworkPolicy"));
        PodShape store = target(m, "Deployment/store-service");
        assertThat(new NetworkPolicyModel(m).allows(INTERNET, store, 8080)).isTrue();
    }
}
