package io.mailstream.platform.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The rendered base and overlays hold together: selectors, ports, probes, autoscalers, budgets,
 * policies, monitors, operator resources, the services' configuration and the pods' security.
 */
class CrossChecksTest {
    static final java.util.List<String> KUSTOMIZATIONS = Rendered.KUSTOMIZATIONS;

    @ParameterizedTest
    @FieldSource("KUSTOMIZATIONS")
    void servicesProbesAutoscalersBudgetsPoliciesAndMonitorsLandOnRealPodsAndPorts(String k) {
        assertThat(WiringChecks.all(Rendered.of(k))).as(k).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("KUSTOMIZATIONS")
    void operatorResourcesAreCompleteAndConsistent(String k) {
        assertThat(OperatorChecks.all(Rendered.of(k), Rendered.externalSecrets(k))).as(k).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("KUSTOMIZATIONS")
    void servicesAreConfiguredForThePortsAddressesAndResourcesTheManifestsCreate(String k) {
        assertThat(ConfigChecks.wiring(Rendered.of(k), ServiceKeys.fromApplicationProperties(), Rendered.externalSecrets(k)))
                .as(k).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("KUSTOMIZATIONS")
    void podsRunNonRootReadOnlyWithResourcesAndADrainingTermination(String k) {
        assertThat(SecurityChecks.all(Rendered.of(k))).as(k).isEmpty();
    }
}
