package dev.overlaylab.provider.virtualbox;

import dev.overlaylab.exec.Wait;
import dev.overlaylab.progress.ProgressEvent.Status;
import dev.overlaylab.progress.ProgressEvent;
import dev.overlaylab.progress.ProgressListener;
import dev.overlaylab.ssh.SshBanner;
import java.io.BufferedReader;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Waits until a VM's forwarded SSH port answers with an SSH banner, reporting to the person: the
 * VirtualBox face of {@link Wait} and {@link SshBanner}. Emits "attempt n/N" with the time left
 * every {@code REPORT_EVERY} so a person sees the wait is alive.
 */
public final class SshBannerWait {
    private static final Duration CONNECT = Duration.ofSeconds(2);
    private static final Duration READ = Duration.ofSeconds(5);
    private static final Duration RETRY = Duration.ofSeconds(1);
    private static final int REPORT_EVERY = 10;

    /** Reads the banner of host:port once; throws (or is empty) when there is none yet. */
    @FunctionalInterface
    public interface Probe {
        Optional<String> banner(String host, int port) throws IOException;
    }

    private final VBoxManage.Pause pause;
    private final Probe probe;

    public SshBannerWait(VBoxManage.Pause pause, Probe probe) {
        this.pause = pause;
        this.probe = probe;
    }

    public static SshBannerWait real() {
        return new SshBannerWait(d -> Thread.sleep(d.toMillis()), SshBannerWait::banner);
    }

    /** The banner line, or empty when {@code timeout} passed without one. */
    public Optional<String> await(String host, int port, Duration timeout, String stage, String node, ProgressListener progress) {
        String step = "wait for SSH";
        String where = host + ":" + port;
        progress.on(ProgressEvent.of(stage, node, step, Status.STARTED,
                "waiting for the SSH banner on " + where + " (up to " + timeout.toSeconds() + " s)"));
        Wait.Outcome<String> w = Wait.until("SSH banner on " + where).timeout(timeout).interval(RETRY)
                .clock(System::nanoTime, pause::pause)
                .onMiss((n, max, left, problem) -> {
                    if ((n - 1) % REPORT_EVERY == 0) {
                        progress.on(ProgressEvent.of(stage, node, step, Status.PROGRESS, "attempt " + n + "/" + max
                                + ": no SSH banner yet on " + where + ", " + left.toSeconds() + " s left (" + problem + ")"));
                    }
                })
                .check(() -> probe.banner(host, port));
        if (w.ready()) {
            progress.on(new ProgressEvent(stage, node, step, Status.CHANGED, w.took(), "SSH answers on " + where + ": " + w.value().get()));
        } else {
            progress.on(new ProgressEvent(stage, node, step, Status.FAILED, w.took(), w.failure()));
        }
        return w.value();
    }

    static Optional<String> banner(String host, int port) throws IOException {
        return Optional.of(SshBanner.read(host, port, CONNECT, READ));
    }
}
