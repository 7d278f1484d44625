package dev.overlaylab.provider.vboxws;

import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.progress.ProgressEvent;
import dev.overlaylab.progress.ProgressEvent.Status;
import dev.overlaylab.progress.ProgressListener;
import dev.overlaylab.provider.MachineLifecycle;
import dev.overlaylab.provider.virtualbox.VirtualBoxContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** halt / resume / snapshots of a {@code virtualbox-ws} lab, each in one web session. */
final class WsLifecycle implements MachineLifecycle {
    private final VBoxWsProvider provider;
    private final WsConnector connector;
    private final Lab lab;
    private final Duration haltTimeout;

    WsLifecycle(VBoxWsProvider provider, WsConnector connector, Lab lab, Duration haltTimeout) {
        this.provider = provider;
        this.connector = connector;
        this.lab = lab;
        this.haltTimeout = haltTimeout;
    }

    @Override
    public void halt(ProgressListener progress) {
        try (WebVirtualBox vb = connector.connect(lab.server().orElseThrow())) {
            for (Node n : lab.nodes()) {
                WebMachine m = machine(vb, n);
                if (!m.running()) {
                    progress.on(ProgressEvent.of(WsLabUp.STAGE, n.name(), "halt", Status.UNCHANGED, m.name() + " is " + m.state()));
                    continue;
                }
                m.acpiPowerButton();
                long deadline = System.nanoTime() + haltTimeout.toNanos();
                while (m.running() && System.nanoTime() < deadline) {
                    pause();
                }
                String how = m.running() ? "powered off (the guest ignored ACPI for " + haltTimeout.toSeconds() + " s)" : "shut down (ACPI)";
                if (m.running()) {
                    m.powerOff();
                }
                progress.on(ProgressEvent.of(WsLabUp.STAGE, n.name(), "halt", Status.CHANGED, m.name() + " " + how));
            }
        }
    }

    /** {@code up}'s node part again: existing VMs are kept, stopped ones started, SSH awaited. */
    @Override
    public void resume(ProgressListener progress) {
        provider.up(lab, progress);
    }

    @Override
    public void snapshotSave(String name, ProgressListener progress) {
        try (WebVirtualBox vb = connector.connect(lab.server().orElseThrow())) {
            for (Node n : lab.nodes()) {
                machine(vb, n).takeSnapshot(name);
                progress.on(ProgressEvent.of(WsLabUp.STAGE, n.name(), "snapshot", Status.CHANGED, "took " + name));
            }
        }
    }

    @Override
    public void snapshotRestore(String name, ProgressListener progress) {
        try (WebVirtualBox vb = connector.connect(lab.server().orElseThrow())) {
            List<String> problems = new ArrayList<>();
            for (Node n : lab.nodes()) {
                WebMachine m = machine(vb, n);
                if (m.running()) {
                    problems.add(m.name() + " is " + m.state());
                } else if (!m.snapshotNames().contains(name)) {
                    problems.add(m.name() + " has no snapshot " + name);
                }
            }
            if (!problems.isEmpty()) {
                throw new IllegalStateException("cannot restore " + name + ": " + String.join("; ", problems)
                        + "\n  fix: 'olab halt' the lab first; 'olab snapshot list' shows what each VM has");
            }
            for (Node n : lab.nodes()) {
                machine(vb, n).restoreSnapshot(name);
                progress.on(ProgressEvent.of(WsLabUp.STAGE, n.name(), "snapshot", Status.CHANGED, "restored " + name));
            }
        }
    }

    @Override
    public Map<String, List<String>> snapshots() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (WebVirtualBox vb = connector.connect(lab.server().orElseThrow())) {
            for (Node n : lab.nodes()) {
                out.put(n.name(), machine(vb, n).snapshotNames());
            }
        }
        return out;
    }

    private WebMachine machine(WebVirtualBox vb, Node n) {
        String vm = VirtualBoxContext.vmName(lab, n);
        return vb.find(vm).orElseThrow(() -> new IllegalStateException("VM " + vm + " does not exist on "
                + lab.server().orElseThrow().url() + "; run 'olab up' first"));
    }

    private static void pause() {
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the VMs to halt", e);
        }
    }
}
