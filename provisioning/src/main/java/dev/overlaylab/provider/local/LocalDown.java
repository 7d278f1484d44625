package dev.overlaylab.provider.local;

import dev.overlaylab.exec.ExecRunner;
import dev.overlaylab.progress.ProgressEvent;
import dev.overlaylab.progress.ProgressEvent.Status;
import dev.overlaylab.progress.ProgressListener;
import dev.overlaylab.provider.local.LocalLabState.Entry;
import dev.overlaylab.provider.local.LocalLabState.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Removes what {@code up} recorded for one lab, in dependency order whatever the record order:
 * nodes (in parallel), overlay mounts, links, iptables rules, folders. Each undone record is
 * forgotten at once, so a down that fails half-way can simply be run again.
 *
 * <p>{@link #plan()} finds everything first; {@link #run(Plan, ProgressListener)} removes exactly
 * that and {@link #removals(Plan)} is the preview of it.
 *
 * <p>After the records, a sweep catches what a crash between "made" and "recorded" could leave:
 * this lab's nspawn machines by exact name, links carrying this lab's hash, mounts under its folder.
 */
final class LocalDown {
    private static final Duration POWEROFF_WAIT = Duration.ofSeconds(20);

    private final ExecRunner runner;
    private final LocalNames names;
    private final Path stateRoot;
    private final List<String> nodes;
    private final List<String> machines;

    /** @param nodes the lab's node names, in the lab file's order (a node's index names its links) */
    LocalDown(ExecRunner runner, LocalNames names, Path stateRoot, List<String> nodes) {
        this.runner = runner;
        this.names = names;
        this.stateRoot = stateRoot;
        this.nodes = List.copyOf(nodes);
        this.machines = nodes.stream().map(names::machine).toList();
    }

    /** One nspawn node to stop: recorded (with its state line) or found by exact machine name. */
    record Stop(long pid, String machine, String node, Optional<Entry> recorded) {
    }

    /**
     * Everything this down removes, found once: the records plus the sweep. {@link #run} acts on
     * exactly this and {@link #removals} describes exactly this, so the preview cannot disagree.
     */
    record Plan(List<Stop> stops, List<Entry> mounts, List<String> strayMounts, List<String> links, List<Entry> linkRecords,
                List<Entry> rules, boolean labDir) {
    }

    Plan plan() {
        LocalLabState state = new LocalLabState(names.stateFile());
        List<Entry> entries = state.entries();
        List<Stop> stops = new ArrayList<>();
        for (Entry e : of(entries, Kind.PID)) {
            stops.add(new Stop(Long.parseLong(e.value()), e.extra(), nodeOfMachine(e.extra()), Optional.of(e)));
        }
        for (long pid : strayNspawnPids(entries)) {
            String machine = machineOf(pid);
            stops.add(new Stop(pid, machine, nodeOfMachine(machine), Optional.empty()));
        }
        List<String> links = new ArrayList<>(of(entries, Kind.LINK).stream().map(Entry::value).toList());
        links.addAll(strayLinks());
        return new Plan(stops, of(entries, Kind.MOUNT), strayMounts(), links.stream().distinct().toList(), of(entries, Kind.LINK),
                of(entries, Kind.IPTABLES), Files.exists(names.labDir()) && names.labDir().getParent().equals(stateRoot));
    }

    /** The plan in a person's order and words: node, then what goes. */
    List<dev.overlaylab.provider.Removal> removals(Plan plan) {
        List<dev.overlaylab.provider.Removal> out = new ArrayList<>();
        for (Stop s : plan.stops()) {
            out.add(new dev.overlaylab.provider.Removal(s.node(), "stop and remove container " + s.machine()
                    + (NspawnMachine.isOurs(s.pid(), s.machine()) ? " (running, PID " + s.pid() + ")" : " (already stopped)")));
        }
        for (Entry m : plan.mounts()) {
            out.add(new dev.overlaylab.provider.Removal(nodeOfPath(m.value()), "unmount its file system " + m.value()));
        }
        for (String m : plan.strayMounts()) {
            if (plan.mounts().stream().noneMatch(e -> e.value().equals(m))) {
                out.add(new dev.overlaylab.provider.Removal(nodeOfPath(m), "unmount " + m + " (not recorded)"));
            }
        }
        for (String link : plan.links()) {
            out.add(new dev.overlaylab.provider.Removal(nodeOfLink(link), link.equals(names.bridge())
                    ? "delete the host-only bridge " + link : "delete network link " + link));
        }
        for (Entry r : plan.rules()) {
            out.add(new dev.overlaylab.provider.Removal("", "delete firewall rule " + r.value() + " FORWARD " + r.extra()));
        }
        if (plan.labDir()) {
            out.add(new dev.overlaylab.provider.Removal("", "delete the lab's folder " + names.labDir()
                    + " (logs and the nodes' changed files)"));
        }
        return out;
    }

    void run(ProgressListener progress) {
        run(plan(), progress);
    }

    void run(Plan plan, ProgressListener progress) {
        LocalLabState state = new LocalLabState(names.stateFile());
        HostNetworking net = new HostNetworking(runner, names, state);
        NodeRoot roots = new NodeRoot(runner, names, state, Path.of("/nonexistent"));   // only unmounts
        NspawnMachine nspawn = new NspawnMachine(runner);
        List<String> problems = Collections.synchronizedList(new ArrayList<>());

        long t = System.nanoTime();
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        for (Stop s : plan.stops()) {
            String what = "stop " + s.machine() + " (PID " + s.pid() + (s.recorded().isEmpty() ? ", unrecorded)" : ")");
            stops.add(CompletableFuture.runAsync(() -> attempt(problems, what, () -> {
                nspawn.stop(s.pid(), s.machine(), POWEROFF_WAIT);
                s.recorded().ifPresent(state::forget);
            })));
        }
        stops.forEach(CompletableFuture::join);
        progress.on(new ProgressEvent("nodes", "", "stop nodes", Status.CHANGED, Duration.ofNanos(System.nanoTime() - t),
                stops.size() + " node(s) stopped"));

        for (Entry e : plan.mounts()) {
            attempt(problems, "unmount " + e.value(), () -> {
                roots.unmount(Path.of(e.value()));
                state.forget(e);
            });
        }
        for (String mount : plan.strayMounts()) {
            attempt(problems, "unmount " + mount + " (unrecorded)", () -> roots.unmount(Path.of(mount)));
        }
        for (String link : plan.links()) {
            attempt(problems, "delete link " + link, () -> net.deleteLink(link));
        }
        plan.linkRecords().forEach(state::forget);
        for (Entry e : plan.rules()) {
            attempt(problems, "delete rule " + e.value() + " FORWARD " + e.extra(), () -> {
                net.deleteRule(e.value(), e.extra());
                state.forget(e);
            });
        }
        if (problems.isEmpty()) {
            attempt(problems, "remove " + names.labDir(), () -> removeLabDir(names.labDir()));
        }
        if (!problems.isEmpty()) {
            throw new LocalProviderException("down of lab " + names.lab() + " left things behind:\n  - "
                    + String.join("\n  - ", problems) + "\nFix the cause and run down again (it only retries what is left).");
        }
        progress.on(new ProgressEvent("nodes", "", "down", Status.CHANGED, Duration.ofNanos(System.nanoTime() - t),
                "lab " + names.lab() + " removed"));
    }

    private String nodeOfMachine(String machine) {
        String prefix = names.machine("");
        return machine.startsWith(prefix) ? machine.substring(prefix.length()) : "";
    }

    /** {@code <labDir>/<node>/root} → node. */
    private String nodeOfPath(String path) {
        Path p = Path.of(path);
        return p.startsWith(names.labDir()) && p.getNameCount() > names.labDir().getNameCount()
                ? p.getName(names.labDir().getNameCount()).toString() : "";
    }

    /** A veth's index is its last digits; the bridge belongs to the whole lab. */
    private String nodeOfLink(String link) {
        for (int i = 0; i < nodes.size(); i++) {
            if (link.equals(names.hostOnlyVeth(i)) || link.equals(names.natVeth(i))) {
                return nodes.get(i);
            }
        }
        return "";
    }

    private void removeLabDir(Path dir) {
        // Only ever a folder directly under our state root, and never across a mount still there.
        if (!dir.getParent().equals(stateRoot) || !Files.exists(dir)) {
            return;
        }
        runner.check(List.of("rm", "-rf", "--one-file-system", dir.toString()), Duration.ofMinutes(5));
    }

    private static List<Entry> of(List<Entry> entries, Kind kind) {
        return entries.stream().filter(e -> e.kind() == kind).toList();
    }

    private static void attempt(List<String> problems, String what, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            problems.add(what + ": " + e.getMessage());
        }
    }

    /** nspawn processes of exactly this lab's machines that the state file does not know. */
    private List<Long> strayNspawnPids(List<Entry> entries) {
        List<Long> out = new ArrayList<>();
        ProcessHandle.allProcesses().forEach(p -> {
            String machine = machineOf(p.pid());
            if (machines.contains(machine) && NspawnMachine.isOurs(p.pid(), machine)
                    && entries.stream()
                    .noneMatch(e -> e.kind() == Kind.PID && e.value().equals(Long.toString(p.pid())))) {
                out.add(p.pid());
            }
        });
        return out;
    }

    private static String machineOf(long pid) {
        try {
            List<String> args = List.of(new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                    StandardCharsets.UTF_8).split("\0"));
            int m = args.indexOf("-M");
            return m >= 0 && m + 1 < args.size() ? args.get(m + 1) : "";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private List<String> strayMounts() {
        String prefix = names.labDir() + "/";
        try {
            List<String> out = new ArrayList<>();
            for (String line : Files.readAllLines(Path.of("/proc/self/mounts"))) {
                String[] f = line.split(" ");
                if (f.length > 1 && f[1].startsWith(prefix)) {
                    out.add(f[1]);
                }
            }
            Collections.reverse(out);   // innermost first
            return out;
        } catch (IOException e) {
            return List.of();
        }
    }

    private List<String> strayLinks() {
        String bridge = names.bridge();
        String vethPrefix = names.hostOnlyVeth(0).substring(0, names.hostOnlyVeth(0).length() - 2);
        List<String> out = new ArrayList<>();
        for (String line : runner.run(List.of("ip", "-o", "link", "show"), Duration.ofSeconds(15)).stdout().split("\n")) {
            String[] f = line.split(":\\s+", 3);
            if (f.length < 2) {
                continue;
            }
            String name = f[1].contains("@") ? f[1].substring(0, f[1].indexOf('@')) : f[1];
            if (name.equals(bridge) || name.startsWith(vethPrefix)) {
                out.add(name);
            }
        }
        return out;
    }
}
