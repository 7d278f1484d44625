package dev.overlaylab.engine;

import dev.overlaylab.etcd.EtcdPort;
import dev.overlaylab.model.Lab;
import dev.overlaylab.progress.ProgressListener;
import dev.overlaylab.ssh.NodeShell;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The verification matrix, run as the last stage of {@code up}. Pluggable so the engine does not
 * depend on the verifier's package; without one the verify stage reports SKIPPED.
 */
@FunctionalInterface
public interface VerifyStage {

    /**
     * Runs the checks on connected nodes, emitting its own progress events.
     *
     * @param etcd the run's etcd port (opened on first use, closed by the run), where leases are read
     *
     * @return UNCHANGED when every check passed (nothing is changed by verifying); throw
     *         {@link StepFailure} naming the failed checks and the diagnosis otherwise
     */
    StepResult verify(Lab lab, Map<String, NodeShell> shells, Supplier<EtcdPort> etcd, ProgressListener progress);
}
