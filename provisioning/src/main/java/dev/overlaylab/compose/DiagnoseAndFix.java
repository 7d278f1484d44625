package dev.overlaylab.compose;

import dev.overlaylab.diagnose.Finding;
import dev.overlaylab.diagnose.Repair;
import dev.overlaylab.diagnose.VerifyAndDiagnose;
import dev.overlaylab.engine.Engine;
import dev.overlaylab.etcd.EtcdPort;
import dev.overlaylab.engine.RunOptions;
import dev.overlaylab.engine.RunResult;
import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.progress.ProgressListener;
import dev.overlaylab.provider.Provider;
import dev.overlaylab.render.RenderedLab;
import dev.overlaylab.ssh.NodeShellFactory;
import dev.overlaylab.verify.OpenedShells;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code olab diagnose} and its {@code --fix}: diagnose, apply what may be applied, diagnose again. What the
 * lab made is put back by the normal engine ({@code up}: it re-renders the files, restarts what reads them,
 * enables and starts the services); what the lab did not make (a firewall's rule, a sysctl setting) is only
 * changed with {@code force}, by the finding's own commands, and otherwise only listed.
 */
public final class DiagnoseAndFix {
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    private final NodeShellFactory shells;
    private final EtcdPort.Factory etcdPorts;
    private final Engine engine;

    public DiagnoseAndFix(NodeShellFactory shells, EtcdPort.Factory etcdPorts, Engine engine) {
        this.shells = shells;
        this.etcdPorts = etcdPorts;
        this.engine = engine;
    }

    /** One forced command as it ran on a node. */
    public record Applied(String node, String command, ExecResult result) {
    }

    /** What --fix did: forced commands run, the ones held back (no force), the up run, and the diagnosis after. */
    public record FixReport(List<Applied> applied, List<String> heldBack, Optional<RunResult> up, VerifyAndDiagnose.Outcome after) {
    }

    public VerifyAndDiagnose.Outcome diagnose(Lab lab, Provider provider, ProgressListener progress) {
        try (OpenedShells access = new OpenedShells(lab, provider.endpoints(lab), shells, etcdPorts)) {
            return new VerifyAndDiagnose().diagnose(lab, access, progress);
        }
    }

    public FixReport fix(Lab lab, RenderedLab rendered, Provider provider, List<Finding> findings, boolean force,
            ProgressListener progress) {
        List<Applied> applied = new ArrayList<>();
        List<String> heldBack = new ArrayList<>();
        List<Node> endpoints = provider.endpoints(lab);
        for (Finding f : findings) {
            if (f.repair().kind() != Repair.Kind.FORCE) {
                continue;
            }
            f.repair().commands().forEach((node, commands) -> {
                for (String c : commands) {
                    if (!force) {
                        heldBack.add("[" + f.id() + "] on " + node + ": " + c);
                        continue;
                    }
                    Node n = endpoints.stream().filter(e -> e.name().equals(node)).findFirst().orElseThrow();
                    try (var shell = shells.open(lab, n)) {
                        applied.add(new Applied(node, c, shell.exec(c, COMMAND_TIMEOUT)));
                    } catch (RuntimeException e) {
                        applied.add(new Applied(node, c, new ExecResult(List.of("sh", "-c", c), 255, "", String.valueOf(e.getMessage()))));
                    }
                }
            });
        }
        Optional<RunResult> up = Optional.empty();
        if (findings.stream().anyMatch(f -> f.repair().kind() == Repair.Kind.ENGINE)) {
            up = Optional.of(engine.up(lab, rendered, provider, RunOptions.defaults(), progress));
        }
        return new FixReport(applied, heldBack, up, diagnose(lab, provider, ProgressListener.NONE));
    }
}
