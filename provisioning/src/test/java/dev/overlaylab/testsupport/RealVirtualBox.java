package dev.overlaylab.testsupport;

import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.exec.ExecRunner;
import dev.overlaylab.exec.ProcessRunner;
import dev.overlaylab.provider.virtualbox.HostOs;
import dev.overlaylab.provider.virtualbox.VBoxDriver;
import dev.overlaylab.provider.virtualbox.VBoxDrivers;
import dev.overlaylab.provider.virtualbox.VBoxManage;
import dev.overlaylab.provider.virtualbox.parse.VBoxLists;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The real VirtualBox 7.2 of the CI chroot ({@code .ci/virtualbox/}, found from the repository, not
 * from an installed path), as a private session for one test class: its own VBoxSVC (own registry
 * in {@code VBOX_USER_HOME}, own IPC socket through {@code VBOX_IPC_SOCKETID}, own machine folder),
 * so other tests and other users of the shared chroot neither see its VMs nor hand it theirs. VBoxSVC
 * is a per-user daemon that every VBoxManage connects to; without the own socket a VBoxManage run in
 * a network namespace would talk to a VBoxSVC outside it.
 *
 * <p>{@link #program()} is a two-line script that runs the repository's wrapper with that session;
 * tests give it to {@link VBoxManage} like any installed VBoxManage, so every call goes through the
 * driver and the exec runner. It calls the binary directly ({@code OLAB_VBOX_BINARY}), not Debian's
 * {@code /usr/bin/VBoxManage} script whose "/dev/vboxdrv does not exist" banner is another test's
 * subject. With {@link #sessionInNetns} the session runs in a private network namespace holding a Linux
 * bridge named {@code vboxnet0} and no address: to VirtualBox that is a host-only interface, and the
 * real {@code hostonlyif ipconfig} can give it the lab's host address, which no kernel module is
 * needed for.
 *
 * <p>Missing chroot or not root: skipped with the reason, failed under {@code OLAB_REQUIRE_INTEGRATION=1}.
 * {@link #close()} removes whatever VM the test left registered, waits for the session's VBoxSVC to
 * exit (it does so about five seconds after the last client), removes the namespace and the folder.
 */
public final class RealVirtualBox implements AutoCloseable {
    public static final String DEFAULT_CHROOT = "/var/cache/overlay-lab/virtualbox/sid-chroot";
    public static final String BINARY = "/usr/lib/virtualbox/VBoxManage";
    private static final ProcessRunner RUN = new ProcessRunner();
    private static final Duration SVC_EXIT = Duration.ofSeconds(30);

    private final String id;
    private final Path dir;
    private final Optional<String> netns;
    private final Path program;
    private VBoxDriver driver;

    private RealVirtualBox(String id, Path dir, Optional<String> netns, Path program) {
        this.id = id;
        this.dir = dir;
        this.netns = netns;
        this.program = program;
    }

    /** {@code .ci/virtualbox/VBoxManage} of this checkout: the first parent of the working directory that has it. */
    public static Optional<Path> wrapper() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path w = p.resolve(".ci/virtualbox/VBoxManage");
            if (Files.isExecutable(w)) {
                return Optional.of(w);
            }
        }
        return Optional.empty();
    }

    /** The chroot the wrapper runs, complete (build-chroot.sh writes the marker last). */
    public static Path chroot() {
        return Path.of(Optional.ofNullable(System.getenv("OLAB_VBOX_CHROOT")).orElse(DEFAULT_CHROOT));
    }

    /** A private session on the real VirtualBox; skips (CI: fails) when it cannot be had. */
    public static RealVirtualBox session() {
        return open(false);
    }

    /** A private session inside a new network namespace with an address-less bridge {@code vboxnet0}. */
    public static RealVirtualBox sessionInNetns() {
        return open(true);
    }

    private static RealVirtualBox open(boolean withNetns) {
        Prereq.requireRoot();
        Optional<Path> w = wrapper();
        Prereq.require(w.isPresent(), "needs .ci/virtualbox/VBoxManage in this checkout");
        Prereq.require(Files.isRegularFile(chroot().resolve(".olab-complete")),
                "needs the VirtualBox chroot at " + chroot() + " (build it: sudo .ci/virtualbox/build-chroot.sh)");
        if (withNetns) {
            Prereq.requireProgram("ip");
        }
        String id = "olt-vbr-" + UUID.randomUUID().toString().substring(0, 8);
        Optional<String> ns = withNetns ? Optional.of(id) : Optional.empty();
        Path dir;
        try {
            // under /tmp: the wrapper binds /tmp into the chroot, so the path means the same file inside
            dir = Files.createTempDirectory(Path.of("/tmp"), id + "-");
            Files.createDirectories(dir.resolve("home"));
            Files.createDirectories(dir.resolve("vms"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path program = dir.resolve("VBoxManage");
        RealVirtualBox vb = new RealVirtualBox(id, dir, ns, program);
        try {
            ns.ifPresent(RealVirtualBox::makeNetns);
            String env = "VBOX_USER_HOME=" + dir.resolve("home") + " VBOX_IPC_SOCKETID=" + id + " OLAB_VBOX_BINARY=" + BINARY;
            String prefix = ns.map(n -> "ip netns exec " + n + " ").orElse("");
            Files.writeString(program, "#!/bin/sh\nexec " + prefix + "env " + env + " '" + w.get() + "' \"$@\"\n");
            Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwx------"));
            vb.raw("setproperty", "machinefolder", dir.resolve("vms").toString());
            return vb;
        } catch (IOException | RuntimeException e) {
            vb.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    private static void makeNetns(String name) {
        RUN.check(List.of("ip", "netns", "add", name), Duration.ofSeconds(10));
        RUN.check(List.of("ip", "-n", name, "link", "set", "lo", "up"), Duration.ofSeconds(10));
        RUN.check(List.of("ip", "-n", name, "link", "add", "vboxnet0", "type", "bridge"), Duration.ofSeconds(10));
    }

    /** The program to hand to {@link VBoxManage}. */
    public Path program() {
        return program;
    }

    /**
     * Another program of the chroot's VirtualBox (e.g. {@code /usr/lib/virtualbox/vboxwebsrv}) run with this
     * session's VBoxSVC: a script beside {@link #program()} that differs only in the binary.
     */
    public Path tool(String binary) {
        Path script = dir.resolve(Path.of(binary).getFileName().toString());
        try {
            Files.writeString(script, Files.readString(program).replace("OLAB_VBOX_BINARY=" + BINARY, "OLAB_VBOX_BINARY=" + binary));
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return script;
    }

    /** A unique VM name for this session: {@code olt-vbox-real-<id>-<what>}. */
    public String vmName(String what) {
        return "olt-vbox-real-" + id.substring("olt-vbr-".length()) + "-" + what;
    }

    public Optional<String> netns() {
        return netns;
    }

    /** The scratch folder of this session (under /tmp, so visible inside the chroot). */
    public Path dir() {
        return dir;
    }

    /** The driver {@code VBoxManage --version} picks, on the real runner. */
    public synchronized VBoxDriver driver() {
        if (driver == null) {
            driver = driver(RUN);
        }
        return driver;
    }

    /** A driver on {@code runner} (e.g. one that records what the real VBoxManage printed). */
    public VBoxDriver driver(ExecRunner runner) {
        return VBoxDrivers.detect(new VBoxManage(program, runner), HostOs.LINUX);
    }

    /** Runs a VBoxManage command the driver never issues (test setup: createvm, createmedium, export). */
    public ExecResult raw(String... args) {
        List<String> argv = new ArrayList<>(List.of(program.toString()));
        argv.addAll(List.of(args));
        return RUN.check(argv, Duration.ofMinutes(3));
    }

    /**
     * Registers a tiny base VM the way a person would make one: {@code createvm}, a 4 MB dynamic VDI
     * ({@code createmedium disk --size 4}) on a SATA controller. Nothing is ever installed on it.
     */
    public void createBaseVm(String name) {
        Path disk = dir.resolve("vms").resolve(name + ".vdi");
        raw("createvm", "--name", name, "--ostype", "Ubuntu_64", "--register");
        raw("createmedium", "disk", "--filename", disk.toString(), "--size", "4");
        raw("storagectl", name, "--name", "SATA", "--add", "sata", "--portcount", "1");
        raw("storageattach", name, "--storagectl", "SATA", "--port", "0", "--device", "0", "--type", "hdd",
                "--medium", disk.toString());
    }

    /** Exports {@code vm} as an OVA into this session's folder (under /tmp) and returns its path. */
    public Path exportOva(String vm) {
        Path ova = dir.resolve(vm + ".ova");
        raw("export", vm, "-o", ova.toString());
        return ova;
    }

    /** Runs a host command inside this session's network namespace (e.g. {@code ip addr show vboxnet0}). */
    public ExecResult inNetns(String... argv) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", netns.orElseThrow()));
        full.addAll(List.of(argv));
        return RUN.check(full, Duration.ofSeconds(30));
    }

    /** Like {@link #raw} but returns a failure instead of throwing (to record real error text). */
    public ExecResult tryRaw(String... args) {
        List<String> argv = new ArrayList<>(List.of(program.toString()));
        argv.addAll(List.of(args));
        return RUN.run(argv, Duration.ofMinutes(3));
    }

    @Override
    public void close() {
        try {
            if (Files.isExecutable(program)) {
                for (VBoxLists.VmRef vm : VBoxLists.vms(tryRaw("list", "vms").stdout())) {
                    tryRaw("unregistervm", vm.uuid(), "--delete");
                }
            }
            awaitSvcExit();
        } finally {
            netns.ifPresent(n -> RUN.run(List.of("ip", "netns", "del", n), Duration.ofSeconds(10)));
            deleteTree(dir);
            deleteTree(Path.of("/tmp/.vbox-" + id + "-ipc"));   // the session's IPC socket folder
        }
    }

    /** Waits for this session's VBoxSVC (found by its socket id) to leave; stops it if it lingers. */
    private void awaitSvcExit() {
        long deadline = System.nanoTime() + SVC_EXIT.toNanos();
        List<ProcessHandle> svc = ours();
        while (!svc.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            svc = svc.stream().filter(ProcessHandle::isAlive).toList();
        }
        svc.forEach(ProcessHandle::destroy);
    }

    /** Processes whose environment carries this session's socket id (its VBoxSVC, which this session started). */
    private List<ProcessHandle> ours() {
        String marker = "VBOX_IPC_SOCKETID=" + id + "\0";
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .filter(p -> {
                        try {
                            return new String(Files.readAllBytes(p.resolve("environ"))).contains(marker);
                        } catch (IOException | RuntimeException e) {
                            return false;
                        }
                    })
                    .map(p -> ProcessHandle.of(Long.parseLong(p.getFileName().toString())))
                    .flatMap(Optional::stream)
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: the folder is under /tmp and uniquely named
        }
    }
}
