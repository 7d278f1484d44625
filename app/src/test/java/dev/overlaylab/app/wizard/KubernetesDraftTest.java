package dev.overlaylab.app.wizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.overlaylab.model.LabLoader;
import dev.overlaylab.model.LabFileException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The wizard's Kubernetes step as lab-file text, read back by the engine's own loader and validator. */
class KubernetesDraftTest {

    @Test
    void offByDefaultTheLabFileHasNoKubernetesSection() throws Exception {
        WizardDraft d = new WizardDraft();
        d.profile = "debian-12-nspawn";
        assertThat(LabYamlWriter.write(d)).doesNotContain("kubernetes");
        assertThat(LabLoader.parse(LabYamlWriter.write(d), Optional.empty()).kubernetes()).isEmpty();
    }

    @Test
    void tickedItIsTheSectionTheEngineReadsAndAnOverlappingServiceNetworkIsAProblemOfTheStep() throws Exception {
        WizardDraft d = new WizardDraft();
        d.profile = "debian-12-nspawn";
        d.kubernetes = true;
        d.serviceCidr = "10.100.0.0/16";
        d.masterRunsWorkloads = false;
        var k = LabLoader.parse(LabYamlWriter.write(d), Optional.empty()).kubernetes().orElseThrow();
        assertThat(k.serviceCidr()).isEqualTo("10.100.0.0/16");
        assertThat(k.masterSchedulable()).isFalse();
        assertThat(k.version()).isEqualTo(WizardDraft.KUBERNETES_VERSIONS.get(0));

        d.serviceCidr = "10.1.128.0/20"; // inside the flannel network 10.1.0.0/16
        LabFileException e = catchThrowableOfType(() -> LabLoader.parse(LabYamlWriter.write(d), Optional.empty()), LabFileException.class);
        assertThat(e.problems()).anyMatch(p -> p.path().equals("kubernetes.serviceCidr"));
        assertThat(ProblemRouter.stepFor("kubernetes.serviceCidr")).isEqualTo(WizardStep.KUBERNETES);
    }
}
