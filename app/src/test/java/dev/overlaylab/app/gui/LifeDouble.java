package dev.overlaylab.app.gui;

import dev.overlaylab.app.engine.ProviderChoice;
import dev.overlaylab.app.engine.RunSummary;
import dev.overlaylab.compose.LabStatus;
import dev.overlaylab.compose.LabStatus.State;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.LabFileException;
import dev.overlaylab.model.LabLoader;
import dev.overlaylab.progress.ProgressEvent;
import dev.overlaylab.progress.ProgressListener;
import dev.overlaylab.provider.Removal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A lab's life against a hand-written engine: lab files are real files loaded by the real loader;
 * the state of each lab, what down removes, the snapshots and the journals are set by the test, and
 * every call that changes something is recorded. {@link #hold} makes one lab's state reading block
 * until released (a node that hangs), to show the event thread stays free.
 */
class LifeDouble extends LabServiceDouble {
    final Map<String, LabStatus> states = new ConcurrentHashMap<>();
    final Map<String, CountDownLatch> holds = new ConcurrentHashMap<>();
    final Map<String, List<Removal>> removals = new ConcurrentHashMap<>();
    final Map<String, List<String>> snapshots = new ConcurrentHashMap<>();
    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<Integer> journalLines = new CopyOnWriteArrayList<>();

    static LabStatus state(State s, String reason) {
        return new LabStatus(s, reason, List.of());
    }

    void hold(String lab) {
        holds.put(lab, new CountDownLatch(1));
    }

    void release(String lab) {
        holds.remove(lab).countDown();
    }

    @Override
    public List<ProviderChoice> providers() {
        return List.of(new ProviderChoice("local", Optional.empty()),
                new ProviderChoice("virtualbox", Optional.of("VirtualBox is not installed on this computer.\nSecond line for the CLI")),
                new ProviderChoice("hosts", Optional.empty()));
    }

    /** What this machine's doctor said on the day these tests were written (hand-written from its screen). */
    @Override
    public List<dev.overlaylab.provider.Readiness> readiness() {
        return List.of(new dev.overlaylab.provider.Readiness("local", List.of(dev.overlaylab.provider.Readiness.Fact.ok("root", "running as root"))),
                new dev.overlaylab.provider.Readiness("virtualbox", List.of(dev.overlaylab.provider.Readiness.Fact.fail("VBoxManage",
                        "not found on PATH nor where the installers put it", "install VirtualBox 6.1 or newer"))),
                new dev.overlaylab.provider.Readiness("hosts", List.of(dev.overlaylab.provider.Readiness.Fact.ok("ssh", "found"))));
    }

    @Override
    public Lab load(Path file) throws LabFileException {
        return LabLoader.load(file);
    }

    @Override
    public LabStatus status(Lab lab) throws Exception {
        CountDownLatch h = holds.get(lab.name());
        if (h != null && !h.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("test hold never released");
        }
        LabStatus s = states.get(lab.name());
        if (s == null) {
            throw new IllegalStateException("no state set for " + lab.name());
        }
        return s;
    }

    @Override
    public List<Removal> downPreview(Lab lab) {
        calls.add("preview " + lab.name());
        return removals.getOrDefault(lab.name(), List.of());
    }

    @Override
    public RunSummary down(Lab lab, ProgressListener progress) {
        calls.add("down " + lab.name());
        for (Removal r : removals.getOrDefault(lab.name(), List.of())) {
            progress.on(ProgressEvent.of("nodes", r.node(), "down", ProgressEvent.Status.CHANGED, "removed: " + r.what()));
        }
        removals.put(lab.name(), List.of());
        states.put(lab.name(), state(State.NOT_CREATED, "nothing of this lab is on this computer"));
        return new RunSummary(true, "lab " + lab.name() + " removed");
    }

    @Override
    public Optional<String> lifecycleUnavailable(Lab lab) {
        return lab.provider().equals("virtualbox") ? Optional.empty()
                : Optional.of("This lab's nodes are containers on this computer: they cannot be halted or snapshotted.");
    }

    @Override
    public void halt(Lab lab, ProgressListener progress) {
        calls.add("halt " + lab.name());
        states.put(lab.name(), state(State.HALTED, "every VM is off"));
    }

    @Override
    public void resume(Lab lab, ProgressListener progress) {
        calls.add("resume " + lab.name());
        states.put(lab.name(), state(State.UP, "every node is reachable and runs its services"));
    }

    @Override
    public Map<String, List<String>> snapshots(Lab lab) {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        lab.nodes().forEach(n -> out.put(n.name(), List.copyOf(snapshots.getOrDefault(n.name(), List.of()))));
        return out;
    }

    @Override
    public void saveSnapshot(Lab lab, String name, ProgressListener progress) {
        calls.add("snapshot save " + name);
        lab.nodes().forEach(n -> snapshots.computeIfAbsent(n.name(), k -> new ArrayList<>()).add(name));
    }

    @Override
    public void restoreSnapshot(Lab lab, String name, ProgressListener progress) {
        calls.add("snapshot restore " + name);
    }

    @Override
    public List<String> logUnits(Lab lab, String node) {
        return node.equals("master") ? List.of("etcd", "flanneld", "docker", "kubelet") : List.of("flanneld", "docker");
    }

    @Override
    public String journal(Lab lab, String node, String unit, int lines) {
        journalLines.add(lines);
        return "2026-11-28T12:00:00+00:00 " + node + " " + unit + "[42]: started (" + lines + " lines asked)\n";
    }

    @Override
    public List<String> shellCommand(Lab lab, String node) {
        return List.of("ssh", "-t", "-i", "/keys/id_ed25519", "root@192.168.87.101");
    }
}
