package dev.overlaylab.provider.local;

import dev.overlaylab.exec.CommandFailedException;
import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.exec.ExecRunner;
import dev.overlaylab.exec.Wait;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One node booted by systemd-nspawn as a background process on this host, and how to stop it.
 *
 * <p>The host has no systemd as PID 1 and no D-Bus, so nspawn must neither register the machine
 * nor make a scope ({@code --register=no --keep-unit}); {@code SYSTEMD_NSPAWN_UNIFIED_HIERARCHY=1}
 * gives the node cgroup v2, without which docker inside cannot make containers. The NICs are
 * made by nspawn as extra veth pairs with names we choose on both sides, so {@code down} can find
 * the host sides by the lab's prefix.
 */
final class NspawnMachine {
    static final Map<String, String> NSPAWN_ENV = Map.of(
            "SYSTEMD_NSPAWN_UNIFIED_HIERARCHY", "1",
            "SYSTEMD_NSPAWN_LOCK", "0");
    private static final Duration QUICK = Duration.ofSeconds(15);

    private final ExecRunner runner;

    NspawnMachine(ExecRunner runner) {
        this.runner = runner;
    }

    static List<String> nspawnArgv(Path root, String machine, String hostOnlyVeth, String natVeth) {
        return List.of("systemd-nspawn", "-D", root.toString(), "--register=no", "--keep-unit",
                "--network-veth-extra=" + hostOnlyVeth + ":" + LocalNames.HOST_ONLY_NIC,
                "--network-veth-extra=" + natVeth + ":" + LocalNames.NAT_NIC,
                "--capability=all", "--system-call-filter=@keyring bpf",
                "--bind=/dev/net/tun", "-M", machine, "-b");
    }

    /**
     * Starts nspawn detached (own session, output to the log) and returns its PID. The shell
     * wrapper only backgrounds it and prints {@code $!}; the runner returns at once.
     */
    long start(List<String> nspawnArgv, Path log) {
        List<String> argv = new ArrayList<>(List.of("sh", "-c",
                "log=$1; shift; setsid \"$@\" >\"$log\" 2>&1 </dev/null & echo $!", "sh", log.toString()));
        argv.addAll(nspawnArgv);
        ExecResult r = runner.run(argv, NSPAWN_ENV, QUICK).orThrow();
        long pid;
        try {
            pid = Long.parseLong(r.stdout().trim());
        } catch (NumberFormatException e) {
            throw new CommandFailedException(r, "systemd-nspawn did not start; see " + log);
        }
        awaitExec(pid, nspawnArgv.get(nspawnArgv.indexOf("-M") + 1));
        return pid;
    }

    /**
     * {@code $!} is the PID of the background shell that is about to exec setsid, which execs
     * nspawn: for a few milliseconds /proc shows {@code sh} or {@code setsid}. Wait for the exec so
     * later "is it still ours" checks do not mistake the start for an exit.
     */
    private static void awaitExec(long pid, String machine) {
        Wait.until("PID " + pid + " to exec systemd-nspawn").timeout(Duration.ofSeconds(10)).interval(Duration.ofMillis(10))
                .holds(() -> isOurs(pid, machine) || !alive(pid));
    }

    /** Alive and not a zombie. */
    static boolean alive(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return !stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** True when {@code pid} is alive and is the nspawn of {@code machine} (a reused PID is not ours). */
    static boolean isOurs(long pid, String machine) {
        Path proc = Path.of("/proc", Long.toString(pid));
        try {
            String stat = Files.readString(proc.resolve("stat"));
            if (stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z")) {
                return false;
            }
            List<String> args = List.of(new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8).split("\0"));
            int m = args.indexOf("-M");
            return !args.isEmpty() && args.get(0).endsWith("systemd-nspawn") && m >= 0 && m + 1 < args.size()
                    && args.get(m + 1).equals(machine);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The node's PID 1 (nspawn's only child), seen from the host. */
    static Optional<Long> initPid(long nspawnPid) {
        Path children = Path.of("/proc", Long.toString(nspawnPid), "task", Long.toString(nspawnPid), "children");
        try {
            String s = Files.readString(children).trim();
            return s.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(s.split("\\s+")[0]));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Stops the node: a clean poweroff through its own systemd first, else SIGTERM to nspawn (which
     * asks the node's init to halt), then SIGKILL, each with a bounded wait. A poweroff that began but
     * did not end in time goes straight to SIGKILL: the node's init is then systemd-shutdown waiting for
     * processes that ignore SIGTERM, and nspawn's halt request to that same init cannot hurry it.
     */
    void stop(long pid, String machine, Duration gracefulWait) {
        if (!isOurs(pid, machine)) {
            return;
        }
        Optional<Long> init = initPid(pid);
        boolean poweroffBegan = false;
        if (init.isPresent()) {
            poweroffBegan = runner.run(List.of("nsenter", "-t", init.get().toString(), "-a", "systemctl", "poweroff"), QUICK).ok();
            if (waitGone(pid, machine, gracefulWait)) {
                return;
            }
        }
        if (!poweroffBegan) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
            if (waitGone(pid, machine, Duration.ofSeconds(10))) {
                return;
            }
        }
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        init.flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroyForcibly);
        if (!waitGone(pid, machine, Duration.ofSeconds(5))) {
            throw new IllegalStateException("systemd-nspawn of " + machine + " (PID " + pid
                    + ") did not stop even after SIGKILL; look at it with: ps -o pid,stat,cmd -p " + pid);
        }
    }

    static boolean waitGone(long pid, String machine, Duration max) {
        return Wait.until("systemd-nspawn of " + machine + " (PID " + pid + ") to exit").timeout(max).interval(Duration.ofMillis(100))
                .holds(() -> !isOurs(pid, machine)).ready();
    }
}
