package dev.overlaylab.app.engine;

import dev.overlaylab.compose.LabStatus;
import dev.overlaylab.compose.NodeLogs;
import dev.overlaylab.compose.ShellCommand;
import dev.overlaylab.compose.Wiring;
import dev.overlaylab.engine.Pipelines;
import dev.overlaylab.engine.RunOptions;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.progress.ProgressEvent;
import dev.overlaylab.progress.ProgressListener;
import dev.overlaylab.provider.Provider;
import dev.overlaylab.provider.Removal;
import dev.overlaylab.provider.local.LocalProvider;
import dev.overlaylab.provider.virtualbox.VirtualBoxProvider;
import dev.overlaylab.render.RenderedLab;
import dev.overlaylab.ssh.KnownHostsStore;
import dev.overlaylab.ssh.LabKeys;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engine side of a lab's life in the app, wired as the CLI's commands are: {@code status},
 * {@code up --dry-run}, down's preview, {@code halt}/{@code resume}/{@code snapshot} (VirtualBox),
 * and a node's journal and shell. {@link EngineLabService} delegates here.
 */
final class EngineLifecycle {
    private final Wiring wiring;

    EngineLifecycle(Wiring wiring) {
        this.wiring = wiring;
    }

    LabStatus status(Lab lab, Provider provider) {
        return LabStatus.of(lab, provider, wiring.shells());
    }

    /** The engine's own dry run ({@code olab up --dry-run}), its PLANNED events kept in order. */
    List<ProgressEvent> plan(Lab lab, RenderedLab rendered, Provider provider) {
        List<ProgressEvent> planned = Collections.synchronizedList(new ArrayList<>());
        ProgressListener keep = e -> {
            if (e.status() == ProgressEvent.Status.PLANNED) {
                planned.add(e);
            }
        };
        wiring.engine(report -> { }).run(Pipelines.up(), lab, rendered, provider, RunOptions.defaults().withDryRun(true), keep);
        return List.copyOf(planned);
    }

    List<Removal> downPreview(Lab lab, Provider provider) {
        return provider.downPreview(lab);
    }

    /** Only VirtualBox machines halt and keep snapshots; the others say why in a person's words. */
    static Optional<String> lifecycleUnavailable(Lab lab) {
        return switch (lab.provider()) {
            case VirtualBoxProvider.ID -> Optional.empty();
            case LocalProvider.ID -> Optional.of("This lab's nodes are containers on this computer: they cannot be halted or "
                    + "snapshotted. Down removes them; Provision builds them again in seconds.");
            default -> Optional.of("This lab runs on machines you already have: Overlay Lab does not switch them off or take "
                    + "snapshots of them.");
        };
    }

    static VirtualBoxProvider virtualBox(Provider p) {
        if (p instanceof VirtualBoxProvider v) {
            return v;
        }
        throw new IllegalStateException("halt, resume and snapshots are for VirtualBox labs; this lab's nodes come from '" + p.id() + "'");
    }

    void halt(Lab lab, Provider p, ProgressListener progress) {
        virtualBox(p).lifecycle(lab).halt(progress);
    }

    void resume(Lab lab, Provider p, ProgressListener progress) {
        virtualBox(p).resume(lab, progress);
    }

    Map<String, List<String>> snapshots(Lab lab, Provider p) {
        return virtualBox(p).lifecycle(lab).snapshots();
    }

    void saveSnapshot(Lab lab, Provider p, String name, ProgressListener progress) {
        virtualBox(p).lifecycle(lab).snapshotSave(name, progress);
    }

    void restoreSnapshot(Lab lab, Provider p, String name, ProgressListener progress) {
        virtualBox(p).lifecycle(lab).snapshotRestore(name, progress);
    }

    List<String> logUnits(Lab lab, Provider p, String node) {
        return new NodeLogs(wiring.shells()).units(lab, endpoint(lab, p, node));
    }

    String journal(Lab lab, Provider p, String node, String unit, int lines) {
        return new NodeLogs(wiring.shells()).journal(lab, endpoint(lab, p, node), unit, lines);
    }

    List<String> shellCommand(Lab lab, Provider p, String node) {
        return ShellCommand.argv(endpoint(lab, p, node), LabKeys.forLab(lab.name()), KnownHostsStore.standard());
    }

    private static Node endpoint(Lab lab, Provider p, String node) {
        return p.endpoints(lab).stream().filter(n -> n.name().equals(node)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("lab " + lab.name() + " has no node " + node));
    }
}
