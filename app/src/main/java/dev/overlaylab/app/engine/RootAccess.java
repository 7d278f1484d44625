package dev.overlaylab.app.engine;

import dev.overlaylab.exec.ExecRunner;
import dev.overlaylab.exec.ProcessRunner;
import dev.overlaylab.provider.Provider;
import dev.overlaylab.provider.local.HostChecks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * How the desktop app, run as a normal user, gets root for the part of a local lab that needs it
 * (systemd-nspawn starts the nodes; the lab's bridge, veth links and iptables rules are made as
 * root): it runs its own {@code olab up/down LAB --json} as root through pkexec (polkit asks for an
 * administrator's password), else through {@code sudo -A} with an askpass program, else through
 * {@code sudo -n} where sudo needs no password; with none of them it refuses, saying what to install
 * or what to type. Decided once from facts read here; {@link #wrap} builds the command line.
 * The design and its limits: docs/local-provider.md#root-from-the-desktop-app.
 */
public final class RootAccess {

    /** The ways, in the order they are tried. */
    public enum Way {
        /** the app runs as root already: the engine runs in-process */
        NOT_NEEDED,
        /** {@code pkexec}: polkit's password dialog of the desktop session */
        PKEXEC,
        /** {@code sudo -A}: sudo asks through the askpass program ({@code SUDO_ASKPASS}, or ssh-askpass) */
        SUDO_ASKPASS,
        /** {@code sudo -n}: this user may run it without a password */
        SUDO_NOPASSWD,
        /** no way: the local provider refuses with {@link #explanation()} */
        NONE
    }

    /** Where the system's ssh-askpass programs live (Debian: ssh-askpass, ssh-askpass-gnome, ksshaskpass). */
    static final List<Path> ASKPASS_PROGRAMS = List.of(Path.of("/usr/bin/ssh-askpass"), Path.of("/usr/lib/ssh/x11-ssh-askpass"),
            Path.of("/usr/lib/openssh/gnome-ssh-askpass"), Path.of("/usr/bin/ksshaskpass"));

    private final Way way;
    private final String user;
    private final Optional<Path> program;   // pkexec or sudo
    private final Optional<Path> askpass;

    private RootAccess(Way way, String user, Optional<Path> program, Optional<Path> askpass) {
        this.way = way;
        this.user = user;
        this.program = program;
        this.askpass = askpass;
    }

    /** Decides for this process on this machine. {@code sudo -n true} runs only when nothing better exists. */
    public static RootAccess forThisMachine() {
        ExecRunner runner = new ProcessRunner();
        return decide(HostChecks.isRoot(), System.getProperty("user.name", "you"), System.getenv(), HostChecks::onPath,
                p -> Files.isExecutable(p),
                () -> runner.run(List.of("sudo", "-n", "true"), Duration.ofSeconds(5)).ok());
    }

    /**
     * The decision, from facts only (so it can be tested).
     *
     * @param root                 whether this process is root
     * @param env                  its environment (DISPLAY, WAYLAND_DISPLAY, SUDO_ASKPASS)
     * @param onPath               where a program is on PATH
     * @param executable           whether a file is an executable program
     * @param sudoWithoutPassword  whether {@code sudo -n true} succeeds (asked last, only if needed)
     */
    static RootAccess decide(boolean root, String user, Map<String, String> env, Function<String, Optional<Path>> onPath,
            java.util.function.Predicate<Path> executable, BooleanSupplier sudoWithoutPassword) {
        if (root) {
            return new RootAccess(Way.NOT_NEEDED, user, Optional.empty(), Optional.empty());
        }
        // pkexec and an askpass program both need a desktop session to show their password dialog
        boolean desktop = !env.getOrDefault("DISPLAY", "").isBlank() || !env.getOrDefault("WAYLAND_DISPLAY", "").isBlank();
        Optional<Path> pkexec = onPath.apply("pkexec");
        if (pkexec.isPresent() && desktop) {
            return new RootAccess(Way.PKEXEC, user, pkexec, Optional.empty());
        }
        Optional<Path> sudo = onPath.apply("sudo");
        if (sudo.isEmpty()) {
            return new RootAccess(Way.NONE, user, Optional.empty(), Optional.empty());
        }
        Optional<Path> askpass = Optional.ofNullable(env.get("SUDO_ASKPASS")).filter(s -> !s.isBlank()).map(Path::of)
                .filter(executable)
                .or(() -> desktop ? ASKPASS_PROGRAMS.stream().filter(executable).findFirst() : Optional.empty());
        if (askpass.isPresent()) {
            return new RootAccess(Way.SUDO_ASKPASS, user, sudo, askpass);
        }
        if (sudoWithoutPassword.getAsBoolean()) {
            return new RootAccess(Way.SUDO_NOPASSWD, user, sudo, Optional.empty());
        }
        return new RootAccess(Way.NONE, user, sudo, Optional.empty());
    }

    public Way way() {
        return way;
    }

    /** Whether the engine must run in a child as root (any way but {@link Way#NOT_NEEDED}). */
    public boolean needed() {
        return way != Way.NOT_NEEDED;
    }

    /** Whether root can be had (in-process or through a child). */
    public boolean possible() {
        return way != Way.NONE;
    }

    /**
     * The command line that runs {@code olab} as root: {@code pkexec OLAB...}, {@code sudo -A -- OLAB...},
     * {@code sudo -n -- OLAB...}; {@code olab} itself when root already. Refuses with {@link Way#NONE}.
     */
    public List<String> wrap(List<String> olab) {
        List<String> argv = new ArrayList<>();
        switch (way) {
            case NOT_NEEDED -> { }
            case PKEXEC -> argv.add(program.orElseThrow().toString());
            case SUDO_ASKPASS -> argv.addAll(List.of(program.orElseThrow().toString(), "-A", "--"));
            case SUDO_NOPASSWD -> argv.addAll(List.of(program.orElseThrow().toString(), "-n", "--"));
            case NONE -> throw new IllegalStateException(explanation());
        }
        argv.addAll(olab);
        return argv;
    }

    /** The environment the wrapping program needs: sudo finds its askpass program in SUDO_ASKPASS. */
    public Map<String, String> env() {
        return askpass.map(a -> Map.of("SUDO_ASKPASS", a.toString())).orElse(Map.of());
    }

    /**
     * For the wizard, before its last step: what needs root and how the app gets it, or (with
     * {@link Way#NONE}) why it cannot and what to do. Empty when the app runs as root.
     */
    public Optional<String> explanation(String labFileHint) {
        String needs = "The local provider needs root: systemd-nspawn starts the nodes, and the lab's bridge, links and"
                + " iptables rules are made as root. This app runs as " + user + ", so ";
        String rest = " Verify, Diff and Diagnose then run as you, with the lab's key in your own folder.";
        return switch (way) {
            case NOT_NEEDED -> Optional.empty();
            case PKEXEC -> Optional.of(needs + "Provision and Remove run olab as root through pkexec: your system asks for an"
                    + " administrator's password each time." + rest);
            case SUDO_ASKPASS -> Optional.of(needs + "Provision and Remove run olab as root through sudo, which asks for your"
                    + " password in a window (" + askpass.orElseThrow() + ")." + rest);
            case SUDO_NOPASSWD -> Optional.of(needs + "Provision and Remove run olab as root through sudo (allowed here"
                    + " without a password)." + rest);
            case NONE -> Optional.of("The local provider needs root (systemd-nspawn, the lab's bridge and iptables rules), and"
                    + " this app, running as " + user + ", has no way to ask for it here: "
                    + (program.isEmpty() ? "neither pkexec nor sudo is installed" : "pkexec is not installed (or there is no"
                    + " desktop session for its password dialog), and sudo has no askpass program and needs a password")
                    + ". Install pkexec (apt-get install pkexec; Debian 11 and older: policykit-1) and start the app again,"
                    + " or save the lab file and run in a terminal: sudo olab up " + labFileHint);
        };
    }

    /**
     * Why the local provider cannot run labs from this app: as root, its own reason; otherwise the
     * first thing other than root that this machine lacks (a missing systemd-nspawn is not fixed by a
     * password), else, when root cannot be had, {@link #explanation()}. Empty when it can run.
     */
    public Optional<String> unavailableReason(Provider local) {
        if (!needed()) {
            return local.unavailableReason();
        }
        Optional<String> other = local.readiness().failures().stream().filter(f -> !"root".equals(f.name()))
                .map(f -> f.name() + ": " + f.detail() + (f.fix().isEmpty() ? "" : " (fix: " + f.fix() + ")"))
                .findFirst();
        return other.isPresent() ? other : possible() ? Optional.empty() : Optional.of(explanation());
    }

    /** {@link #explanation(String)} with a placeholder for the lab file. */
    public String explanation() {
        return explanation("LAB.yaml").orElse("");
    }
}
