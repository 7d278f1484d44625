package dev.overlaylab.diagnose.rule;

import dev.overlaylab.diagnose.DiagnosisContext;
import dev.overlaylab.diagnose.Excerpt;
import dev.overlaylab.diagnose.Finding;
import dev.overlaylab.diagnose.Rule;
import dev.overlaylab.model.Node;
import dev.overlaylab.verify.Evidence;
import dev.overlaylab.verify.Unreachable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Nodes the check could not log in to at all. Everything on them failed for that one reason, so this
 * is the cause, and the SSH error says what to do; "flanneld is not running" or "etcd is down" would
 * be guesses about machines nobody saw. Not a FAILURE-MODES row (those are network faults of a
 * reachable lab), so it is reported as the unexplained finding with the SSH error as its cause.
 */
public final class UnreachableNodesRule implements Rule {

    @Override
    public Optional<Finding> apply(DiagnosisContext ctx) {
        List<String> names = new ArrayList<>();
        List<Excerpt> evidence = new ArrayList<>();
        for (Node n : ctx.lab().nodes()) {
            Optional<String> error = ctx.report().results().stream().filter(r -> r.node().equals(n.name()) && r.peer().isEmpty())
                    .flatMap(r -> r.evidence().stream()).map(Evidence::output)
                    .map(out -> Unreachable.error(n.name(), out)).flatMap(Optional::stream).findFirst();
            if (error.isPresent()) {
                names.add(n.name());
                evidence.add(new Excerpt(n.name(), "ssh", error.get()));
            }
        }
        if (names.isEmpty()) {
            return Optional.empty();
        }
        String on = String.join(", ", names);
        return Optional.of(Finding.unexplained("cannot log in to " + on + " over SSH, so nothing on "
                        + (names.size() == 1 ? "it" : "them") + " could be checked", evidence,
                "make " + on + " reachable over SSH first, as the SSH error above says (is the node running? is sshd started,"
                        + " on the address and port of the lab file?), then verify again"));
    }
}
