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
import java.util.concurrent.CompletableFuture;

/**
 * Removes what {@code up} recorded for one lab, in dependency order whatever the record order:
 * nodes (in parallel), overlay mounts, links, iptables rules, folders. Each undone record is
 * forgotten at once, so a down that fails half-way can simply be run again.
 *
 * <p>After the records, a sweep catches what a crash between "made" and "recorded" could leave:
 * this lab's nspawn machines by exact name, links carrying this lab's hash, mounts under its folder.
 */
final class LocalDown {
    private static final Duration POWEROFF_WAIT = Duration.ofSeconds(20);

    private final ExecRunner runner;
    private final LocalNames names;
    private final Path stateRoot;
    private final List<String> machines;

    LocalDown(ExecRunner runner, LocalNames names, Path stateRoot, List<String> machines) {
        this.runner = runner;
        this.names = names;
        this.stateRoot = stateRoot;
        this.machines = List.copyOf(machines);
    }

    void run(ProgressListener progress) {
        LocalLabState state = new LocalLabState(names.stateFile());
        HostNetworking net = new HostNetworking(runner, names, state);
        NodeRoot roots = new NodeRoot(runner, names, state, Path.of("/nonexistent"));   // only unmounts
        NspawnMachine nspawn = new NspawnMachine(runner);
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        List<Entry> entries = state.entries();

        long t = System.nanoTime();
        List<Entry> pids = new ArrayList<>(of(entries, Kind.PID));
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        for (Entry e : pids) {
            stops.add(CompletableFuture.runAsync(() -> attempt(problems, "stop " + e.extra() + " (PID " + e.value() + ")", () -> {
                nspawn.stop(Long.parseLong(e.value()), e.extra(), POWEROFF_WAIT);
                state.forget(e);
            })));
        }
        for (long pid : strayNspawnPids()) {
            String machine = machineOf(pid);
            stops.add(CompletableFuture.runAsync(() -> attempt(problems, "stop " + machine + " (PID " + pid + ", unrecorded)",
                    () -> nspawn.stop(pid, machine, POWEROFF_WAIT))));
        }
        stops.forEach(CompletableFuture::join);
        progress.on(new ProgressEvent("nodes", "", "stop nodes", Status.CHANGED, Duration.ofNanos(System.nanoTime() - t),
                stops.size() + " node(s) stopped"));

        for (Entry e : of(entries, Kind.MOUNT)) {
            attempt(problems, "unmount " + e.value(), () -> {
                roots.unmount(Path.of(e.value()));
                state.forget(e);
            });
        }
        for (String mount : strayMounts()) {
            attempt(problems, "unmount " + mount + " (unrecorded)", () -> roots.unmount(Path.of(mount)));
        }
        List<String> links = new ArrayList<>(of(entries, Kind.LINK).stream().map(Entry::value).toList());
        links.addAll(strayLinks());
        for (String link : links.stream().distinct().toList()) {
            attempt(problems, "delete link " + link, () -> net.deleteLink(link));
        }
        of(entries, Kind.LINK).forEach(state::forget);
        for (Entry e : of(entries, Kind.IPTABLES)) {
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
    private List<Long> strayNspawnPids() {
        List<Long> out = new ArrayList<>();
        ProcessHandle.allProcesses().forEach(p -> {
            String machine = machineOf(p.pid());
            if (machines.contains(machine) && NspawnMachine.isOurs(p.pid(), machine)
                    && new LocalLabState(names.stateFile()).entries().stream()
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
