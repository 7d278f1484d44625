package dev.overlaylab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The lab file's optional kubernetes: section: defaults, switch forms, validation messages, round trip. */
class KubernetesSectionTest {
    private static final String BASE = """
            name: k8c
            provider: local
            network: {cidr: 192.168.81.0/24}
            flannel: {network: 10.81.0.0/16}
            """;

    private static Lab parse(String extra) throws LabFileException {
        return LabLoader.parse(BASE + extra, Optional.empty(), false, new Validator(null));
    }

    private static List<String> problems(String extra) {
        try {
            parse(extra);
            return List.of();
        } catch (LabFileException e) {
            return e.problems().stream().map(Problem::toString).toList();
        }
    }

    @Test
    void withoutTheSectionALabHasNoKubernetes() throws Exception {
        assertThat(parse("").kubernetes()).isEmpty();
        assertThat(parse("kubernetes: false\n").kubernetes()).isEmpty();
    }

    @Test
    void anEmptySectionOrTrueMeansEveryDefault() throws Exception {
        for (String form : List.of("kubernetes:\n", "kubernetes: {}\n", "kubernetes: true\n")) {
            KubernetesSettings k = parse(form).kubernetes().orElseThrow();
            assertThat(k.version()).isEqualTo("v1.37.2");
            assertThat(k.serviceCidr()).isEqualTo("10.96.0.0/12");
            assertThat(k.masterSchedulable()).isTrue();
            assertThat(k.clusterDomain()).isEqualTo("cluster.local");
            assertThat(k.binaries().url()).endsWith("/kubernetes-v1.37.2");
            assertThat(k.binaries().sha256()).isEmpty();
            assertThat(k.apiServiceIp()).isEqualTo("10.96.0.1");
        }
    }

    @Test
    void fieldsAreReadAndAVersionWithoutVIsTheSameRelease() throws Exception {
        KubernetesSettings k = parse("""
                kubernetes:
                  version: 1.36.0
                  serviceCidr: 10.32.0.0/16
                  masterSchedulable: false
                """).kubernetes().orElseThrow();
        assertThat(k.version()).isEqualTo("v1.36.0");
        assertThat(k.serviceCidr()).isEqualTo("10.32.0.0/16");
        assertThat(k.masterSchedulable()).isFalse();
        assertThat(k.apiServiceIp()).isEqualTo("10.32.0.1");
    }

    @Test
    void aServiceRangeInsideTheFlannelNetworkIsRefusedWithAFreeOne() {
        assertThat(problems("kubernetes: {serviceCidr: 10.81.128.0/20}\n")).singleElement().asString()
                .contains("kubernetes.serviceCidr: 10.81.128.0/20 overlaps the flannel Network (flannel.network) 10.81.0.0/16")
                .contains("e.g. 10.96.0.0/12").contains("line 5");
    }

    @Test
    void aServiceRangeOverTheHostOnlyOrNatNetworkIsRefused() {
        assertThat(problems("kubernetes: {serviceCidr: 192.168.0.0/16}\n")).singleElement().asString()
                .contains("overlaps the host-only network (network.cidr) 192.168.81.0/24");
        assertThat(problems("kubernetes: {serviceCidr: 10.0.0.0/12}\n")).singleElement().asString()
                .contains("overlaps the NAT network").contains("10.0.2.0/24");
    }

    @Test
    void wrongValuesAreNamedWithTheirFix() {
        assertThat(problems("kubernetes: {version: v1.38.0}\n")).singleElement().asString()
                .contains("containerd").contains("use v1.37.2");
        assertThat(problems("kubernetes: {version: latest}\n")).singleElement().asString()
                .contains("not a Kubernetes release");
        assertThat(problems("kubernetes: {serviceCidr: 10.96.0.1/12}\n")).singleElement().asString()
                .contains("did you mean 10.96.0.0/12");
        assertThat(problems("kubernetes: {serviceCidr: 10.0.0.0/8}\n")).anySatisfy(p -> assertThat(p).contains("wider than kube-apiserver accepts"));
        assertThat(problems("kubernetes: {masterSchedulable: maybe}\n")).singleElement().asString()
                .contains("'maybe' is not true or false");
        assertThat(problems("kubernetes: {servicecidr: 10.96.0.0/12}\n")).singleElement().asString()
                .contains("serviceCidr");
        assertThat(problems("kubernetes: {binaries: {sha256: abc}}\n")).singleElement().asString()
                .contains("not a sha256");
    }

    @Test
    void etcdTwoCannotHoldKubernetes() {
        assertThatThrownBy(() -> LabLoader.parse("""
                name: k8c
                provider: virtualbox
                profile: ubuntu-16.04
                kubernetes: {}
                """, Optional.empty(), true, new Validator(null)))
                .hasMessageContaining("ships etcd 2.2.5, and kube-apiserver needs etcd 3");
    }

    @Test
    void theWriterKeepsTheSectionAndLeavesItOutWhenAbsent() throws Exception {
        Lab with = parse("kubernetes: {serviceCidr: 10.32.0.0/16, masterSchedulable: false}\n");
        String yaml = LabWriter.toYaml(with);
        assertThat(LabLoader.parse(yaml, Optional.empty(), false, new Validator(null)).kubernetes()).isEqualTo(with.kubernetes());
        assertThat(LabWriter.toYaml(parse(""))).doesNotContain("kubernetes");
    }
}
