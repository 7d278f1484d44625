package dev.overlaylab.diagnose;

import dev.overlaylab.diagnose.rule.BackendPortFilteredRule;
import dev.overlaylab.diagnose.rule.ChecksumOffloadRule;
import dev.overlaylab.diagnose.rule.DockerWithoutFlannelSubnetRule;
import dev.overlaylab.diagnose.rule.EtcdApiMismatchRule;
import dev.overlaylab.diagnose.rule.EtcdLoopbackOnlyRule;
import dev.overlaylab.diagnose.rule.ForwardDropRule;
import dev.overlaylab.diagnose.rule.HostGwAcrossSubnetsRule;
import dev.overlaylab.diagnose.rule.MtuMismatchRule;
import dev.overlaylab.diagnose.rule.NatInterfaceRule;
import dev.overlaylab.diagnose.rule.NetworkOverlapRule;
import dev.overlaylab.diagnose.rule.StaleLeaseRule;
import dev.overlaylab.diagnose.rule.UnexplainedFailuresRule;
import dev.overlaylab.diagnose.rule.VirtualBoxHostOnlyRangeRule;
import dev.overlaylab.model.Lab;
import dev.overlaylab.verify.VerificationReport;
import java.util.ArrayList;
import java.util.List;

/**
 * Names causes for a verification report. The catalogued rules (docs/failure-modes.md rows) run first; only when
 * none of them fires and checks still failed does the fallback describe what is left, so a person always
 * gets a next step and a known cause is never buried under its own symptoms.
 */
public final class Diagnoser {

    /** docs/failure-modes.md, rows 1-12, in table order. */
    public static final List<Rule> RULES = List.of(
            new NatInterfaceRule(),             // 1
            new MtuMismatchRule(),              // 2
            new NetworkOverlapRule(),           // 3
            new ForwardDropRule(),              // 4
            new EtcdLoopbackOnlyRule(),         // 5
            new EtcdApiMismatchRule(),          // 6
            new DockerWithoutFlannelSubnetRule(), // 7
            new StaleLeaseRule(),               // 8
            new BackendPortFilteredRule(),      // 9
            new VirtualBoxHostOnlyRangeRule(),  // 10
            new ChecksumOffloadRule(),          // 11
            new HostGwAcrossSubnetsRule());     // 12

    private static final Rule FALLBACK = new UnexplainedFailuresRule();

    public List<Finding> diagnose(Lab lab, VerificationReport report, Observations observations) {
        DiagnosisContext ctx = new DiagnosisContext(lab, report, observations);
        List<Finding> findings = new ArrayList<>();
        for (Rule r : RULES) {
            r.apply(ctx).ifPresent(findings::add);
        }
        if (findings.isEmpty()) {
            FALLBACK.apply(ctx).ifPresent(findings::add);
        }
        return findings;
    }
}
