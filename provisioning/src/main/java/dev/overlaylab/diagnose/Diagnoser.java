package dev.overlaylab.diagnose;

import dev.overlaylab.diagnose.rule.BackendPortFilteredRule;
import dev.overlaylab.diagnose.rule.ChecksumOffloadRule;
import dev.overlaylab.diagnose.rule.DockerWithoutDropInRule;
import dev.overlaylab.diagnose.rule.DockerWithoutFlannelSubnetRule;
import dev.overlaylab.diagnose.rule.EtcdApiMismatchRule;
import dev.overlaylab.diagnose.rule.EtcdLoopbackOnlyRule;
import dev.overlaylab.diagnose.rule.FlanneldDownRule;
import dev.overlaylab.diagnose.rule.ForwardDropAheadRule;
import dev.overlaylab.diagnose.rule.ForwardDropRule;
import dev.overlaylab.diagnose.rule.HostGwAcrossSubnetsRule;
import dev.overlaylab.diagnose.rule.IpForwardOffRule;
import dev.overlaylab.diagnose.rule.ApiserverAdvertiseRule;
import dev.overlaylab.diagnose.rule.KubeProxyDownRule;
import dev.overlaylab.diagnose.rule.ServiceSourceAddressRule;
import dev.overlaylab.diagnose.rule.MtuMismatchRule;
import dev.overlaylab.diagnose.rule.NatInterfaceRule;
import dev.overlaylab.diagnose.rule.NetworkOverlapRule;
import dev.overlaylab.diagnose.rule.StaleLeaseRule;
import dev.overlaylab.diagnose.rule.UnexplainedFailuresRule;
import dev.overlaylab.diagnose.rule.UnreachableNodesRule;
import dev.overlaylab.diagnose.rule.VirtualBoxHostOnlyRangeRule;
import dev.overlaylab.model.Lab;
import dev.overlaylab.verify.VerificationReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Names causes for a verification report. The catalogued rules (docs/failure-modes.md rows) run first; only when
 * none of them fires and checks still failed does the fallback describe what is left, so a person always
 * gets a next step and a known cause is never buried under its own symptoms.
 */
public final class Diagnoser {

    /** docs/failure-modes.md, rows 1-12, 14 and 15, in table order; where two rules name one row the first one found wins. */
    public static final List<Rule> RULES = List.of(
            new NatInterfaceRule(),             // 1
            new MtuMismatchRule(),              // 2
            new NetworkOverlapRule(),           // 3
            new ForwardDropRule(),              // 4, the policy
            new ForwardDropAheadRule(),         // 4, a DROP ahead of the ACCEPTs
            new EtcdLoopbackOnlyRule(),         // 5
            new EtcdApiMismatchRule(),          // 6
            new DockerWithoutDropInRule(),      // 7, from dockerd's command line
            new DockerWithoutFlannelSubnetRule(), // 7, from docker0's address
            new StaleLeaseRule(),               // 8
            new BackendPortFilteredRule(),      // 9
            new VirtualBoxHostOnlyRangeRule(),  // 10
            new ChecksumOffloadRule(),          // 11
            new HostGwAcrossSubnetsRule(),      // 12
            new IpForwardOffRule(),             // 14
            new KubeProxyDownRule(),            // 15, kube-proxy not running
            new ApiserverAdvertiseRule(),       // 15, the apiserver's Service leads elsewhere
            new ServiceSourceAddressRule());    // 15, seed 004: Service traffic from the NAT address, not masqueraded

    /** #13 runs after the others: nodes whose flanneld etcd's rows already explain are theirs. */
    private static final FlanneldDownRule FLANNELD_DOWN = new FlanneldDownRule();

    /**
     * Symptom → causes that explain it: a finding is dropped when one of its causes was found too. docker
     * without the drop-in runs without {@code --mtu}, so its MTU is a symptom of #7, not a cause of its own.
     */
    private static final Map<String, Set<String>> EXPLAINED_BY = Map.of(
            FailureMode.MTU_MISMATCH.id(), Set.of(FailureMode.DOCKER_BEFORE_FLANNEL.id()));

    private static final Rule FALLBACK = new UnexplainedFailuresRule();
    private static final Rule UNREACHABLE = new UnreachableNodesRule();

    public List<Finding> diagnose(Lab lab, VerificationReport report, Observations observations) {
        DiagnosisContext ctx = new DiagnosisContext(lab, report, observations);
        // a node nobody could log in to is the cause of all its failed checks: one finding, the SSH error's fix
        Optional<Finding> unreachable = UNREACHABLE.apply(ctx);
        if (unreachable.isPresent()) {
            return List.of(unreachable.get());
        }
        Map<String, Finding> byId = new LinkedHashMap<>();
        for (Rule r : RULES) {
            r.apply(ctx).ifPresent(f -> byId.putIfAbsent(f.id(), f));
        }
        FLANNELD_DOWN.apply(ctx, byId.keySet()).ifPresent(f -> byId.putIfAbsent(f.id(), f));
        List<Finding> findings = new ArrayList<>();
        for (Finding f : byId.values()) {
            if (EXPLAINED_BY.getOrDefault(f.id(), Set.of()).stream().noneMatch(byId::containsKey)) {
                findings.add(f);
            }
        }
        if (findings.isEmpty()) {
            FALLBACK.apply(ctx).ifPresent(findings::add);
        }
        return findings;
    }
}
