package dev.overlaylab.etcd;

import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.exec.ProcessRunner;
import dev.overlaylab.testsupport.ExecOnlyShell;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Test-only shell whose "node" is this machine: commands run for real with {@code sh -c}, through the exec runner. */
final class ThisMachineShell extends ExecOnlyShell {
    private final ProcessRunner runner = new ProcessRunner();

    ThisMachineShell() {
        super("this-machine");
    }

    @Override
    public ExecResult exec(String command, Duration timeout) {
        return runner.run(List.of("sh", "-c", command), Map.of(), timeout);
    }
}
