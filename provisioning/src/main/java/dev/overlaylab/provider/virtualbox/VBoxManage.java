package dev.overlaylab.provider.virtualbox;

import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.exec.ExecRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs VBoxManage through the one {@link ExecRunner} (which sets LANG=C). A call fails when the exit
 * code is non-zero or when VBoxManage printed "VBoxManage: error:" (it sometimes exits 0 anyway).
 * Only calls marked {@link Retry#ON_LOCK} are retried for the lock errors VirtualBox gives right after
 * a previous command released the VM; any call is retried when VBoxSVC was not up (it did nothing);
 * every retry is logged as {@code attempt n/N}.
 * The kernel-driver warning of Linux packages' start-up script is cut off stdout first
 * ({@link StartupBanner}): commands that need no driver (list, halt, down, snapshots) go on.
 */
public final class VBoxManage {
    private static final Logger LOG = LoggerFactory.getLogger(VBoxManage.class);
    private static final Pattern ERROR_TEXT = Pattern.compile("VBoxManage(\\.exe)?: error:");
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(90);

    /** Whether a failed call may be repeated. */
    public enum Retry {
        NEVER,
        /** the VM may still be locked by the session of the command before (modifyvm/startvm/snapshot...) */
        ON_LOCK
    }

    /** How long to wait between attempts; replaced in tests so nothing sleeps. */
    @FunctionalInterface
    public interface Pause {
        void pause(Duration d) throws InterruptedException;
    }

    private final String program;
    private final ExecRunner runner;
    private final int attempts;
    private final Duration between;
    private final Pause pause;
    private volatile Consumer<String> notes = s -> { };
    private volatile Supplier<VBoxErrorHints.Host> host = () -> VBoxErrorHints.Host.of(HostOs.current());
    private volatile String banner = "";

    public VBoxManage(Path program, ExecRunner runner) {
        this(program.toString(), runner, 4, Duration.ofSeconds(2), d -> Thread.sleep(d.toMillis()));
    }

    public VBoxManage(String program, ExecRunner runner, int attempts, Duration between, Pause pause) {
        this.program = program;
        this.runner = runner;
        this.attempts = Math.max(1, attempts);
        this.between = between;
        this.pause = pause;
    }

    /** Where retry notes go besides the log (the provider turns them into progress events). */
    public void onNote(Consumer<String> sink) {
        this.notes = sink == null ? s -> { } : sink;
    }

    /** Where failures are judged against this host's facts (OS, kernel drivers, allowed ranges); read only on failure. */
    void explainWith(Supplier<VBoxErrorHints.Host> facts) {
        this.host = facts;
    }

    /** The facts failures are judged against, read now. */
    VBoxErrorHints.Host host() {
        return host.get();
    }

    /**
     * The kernel-driver warning the packaged start-up script printed before the last command's output,
     * or "" (see {@link StartupBanner}). The output the callers parse never contains it.
     */
    public String startupBanner() {
        return banner;
    }

    public String program() {
        return program;
    }

    public ExecResult run(List<String> args) {
        return run(args, Retry.NEVER, DEFAULT_TIMEOUT);
    }

    public ExecResult run(List<String> args, Retry retry) {
        return run(args, retry, DEFAULT_TIMEOUT);
    }

    /** Runs {@code VBoxManage args...}; returns the result or throws {@link VBoxManageException}. */
    public ExecResult run(List<String> args, Retry retry, Duration timeout) {
        List<String> argv = new ArrayList<>(args.size() + 1);
        argv.add(program);
        argv.addAll(args);
        ExecResult r = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            r = withoutBanner(runner.run(argv, Map.of(), timeout));
            if (!failed(r)) {
                return r;
            }
            if (r.exitCode() == 127 && r.stdout().isEmpty()) {
                throw new VirtualBoxUnavailableException("cannot run " + program + ": " + r.stderr().strip()
                        + "\n  fix: check that VirtualBox is installed and VBoxManage is executable");
            }
            boolean locked = retry == Retry.ON_LOCK && isLockError(r);
            if (attempt < attempts && (locked || serviceNotUp(r))) {
                String note = "VBoxManage " + args.get(0) + ": " + (locked ? "the VM is still locked by the previous command"
                        : "VirtualBox's service (VBoxSVC) was starting or stopping") + "; attempt "
                        + (attempt + 1) + "/" + attempts + " in " + between.toSeconds() + " s";
                LOG.info(note);
                notes.accept(note);
                try {
                    pause.pause(between);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                continue;
            }
            break;
        }
        throw new VBoxManageException(r, VBoxErrorHints.explain(r, host.get()).orElse(null));
    }

    private ExecResult withoutBanner(ExecResult r) {
        StartupBanner b = StartupBanner.split(r.stdout());
        banner = b.banner();
        if (!b.present()) {
            return r;
        }
        return new ExecResult(r.argv(), r.exitCode(), b.rest(), r.stderr());
    }

    static boolean failed(ExecResult r) {
        return r.exitCode() != 0 || ERROR_TEXT.matcher(r.stderr()).find();
    }

    /**
     * VBoxManage could not reach VBoxSVC, which it starts on demand and which exits by itself when idle:
     * a command that meets it stopping fails before doing anything, so any command may be repeated.
     * Seen on 7.2.22 with several VBoxManage users at once: "Failed to create the VirtualBox object!".
     */
    static boolean serviceNotUp(ExecResult r) {
        return r.stderr().contains("Failed to create the VirtualBox object");
    }

    static boolean isLockError(ExecResult r) {
        String err = r.stderr();
        return err.contains("VBOX_E_INVALID_OBJECT_STATE") || err.contains("is already locked")
                || err.contains("E_ACCESSDENIED") && err.contains("LockMachine");
    }
}
