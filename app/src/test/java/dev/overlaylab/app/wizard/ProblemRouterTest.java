package dev.overlaylab.app.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.model.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemRouterTest {

    @Test
    void fieldPathsLandOnTheStepThatOwnsTheField() {
        assertThat(ProblemRouter.stepFor("name")).isEqualTo(WizardStep.PROVIDER);
        assertThat(ProblemRouter.stepFor("provider")).isEqualTo(WizardStep.PROVIDER);
        assertThat(ProblemRouter.stepFor("profile")).isEqualTo(WizardStep.NODES);
        assertThat(ProblemRouter.stepFor("network.cidr")).isEqualTo(WizardStep.NODES);
        assertThat(ProblemRouter.stepFor("nodes[1].ip")).isEqualTo(WizardStep.NODES);
        assertThat(ProblemRouter.stepFor("nodes")).isEqualTo(WizardStep.NODES);
        assertThat(ProblemRouter.stepFor("etcd.members")).isEqualTo(WizardStep.NODES);
        assertThat(ProblemRouter.stepFor("flannel.network")).isEqualTo(WizardStep.FLANNEL);
        assertThat(ProblemRouter.stepFor("flannel.backend.DirectRouting")).isEqualTo(WizardStep.FLANNEL);
        assertThat(ProblemRouter.stepFor("docker.mtu")).isEqualTo(WizardStep.FLANNEL);
    }

    @Test
    void problemsNoStepOwnsAreShownOnReview() {
        assertThat(ProblemRouter.stepFor("(lab)")).isEqualTo(WizardStep.REVIEW);
        assertThat(ProblemRouter.stepFor("")).isEqualTo(WizardStep.REVIEW);
        assertThat(ProblemRouter.stepFor(null)).isEqualTo(WizardStep.REVIEW);
        assertThat(ProblemRouter.stepFor("verify.image")).isEqualTo(WizardStep.REVIEW);
        // a root that merely starts like a known one is not owned by it
        assertThat(ProblemRouter.stepFor("nodesExtra")).isEqualTo(WizardStep.REVIEW);
    }

    @Test
    void nextIsBlockedOnTheOwningStepAndEveryLaterOne() {
        List<Problem> problems = List.of(Problem.at("flannel.network", "overlaps the NAT network 10.0.2.0/24"));
        assertThat(ProblemRouter.canLeave(WizardStep.PROVIDER, problems)).isTrue();
        assertThat(ProblemRouter.canLeave(WizardStep.NODES, problems)).isTrue();
        assertThat(ProblemRouter.canLeave(WizardStep.FLANNEL, problems)).isFalse();
        assertThat(ProblemRouter.canLeave(WizardStep.REVIEW, problems)).isFalse();
        assertThat(ProblemRouter.firstBlocking(problems)).contains(WizardStep.FLANNEL);
        assertThat(ProblemRouter.firstBlocking(List.of())).isEmpty();
    }

    @Test
    void aValidLabBlocksNothing() {
        for (WizardStep s : WizardStep.values()) {
            assertThat(ProblemRouter.canLeave(s, List.of())).as(s.name()).isTrue();
        }
    }

    @Test
    void byStepGroupsEveryProblemOnceAndListsEveryStep() {
        List<Problem> problems = List.of(Problem.at("nodes[0].name", "duplicate"), Problem.at("nodes[1].name", "duplicate"),
                Problem.at("flannel.subnetLen", "too long"), Problem.at("(lab)", "bad YAML"));
        var by = ProblemRouter.byStep(problems);
        assertThat(by).containsOnlyKeys(WizardStep.values());
        assertThat(by.get(WizardStep.NODES)).hasSize(2);
        assertThat(by.get(WizardStep.FLANNEL)).hasSize(1);
        assertThat(by.get(WizardStep.REVIEW)).hasSize(1);
        assertThat(by.get(WizardStep.PROVIDER)).isEmpty();
    }
}
