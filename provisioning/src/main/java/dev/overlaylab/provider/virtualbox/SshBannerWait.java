package dev.overlaylab.provider.virtualbox;

import dev.overlaylab.progress.ProgressEvent;
import dev.overlaylab.progress.ProgressEvent.Status;
import dev.overlaylab.progress.ProgressListener;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Waits until something on {@code host:port} answers with an SSH banner ({@code SSH-2.0-...}).
 * A NAT forward accepts connections as soon as the VM starts, long before sshd runs, so an open
 * port proves nothing: only the banner does. Emits a countdown every {@code every} so a person sees
 * the wait is alive; bounded by time and by number of attempts.
 */
public final class SshBannerWait {
    private static final Duration CONNECT = Duration.ofSeconds(2);
    private static final Duration READ = Duration.ofSeconds(5);
    private static final Duration RETRY = Duration.ofSeconds(1);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(10);

    /** Reads the banner of host:port once, or empty. */
    @FunctionalInterface
    public interface Probe {
        Optional<String> banner(String host, int port);
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
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long nextReport = start;
        long maxAttempts = timeout.toMillis() / RETRY.toMillis() + 2;
        progress.on(ProgressEvent.of(stage, node, step, Status.STARTED,
                "waiting for the SSH banner on " + host + ":" + port + " (up to " + timeout.toSeconds() + " s)"));
        for (long attempt = 0; attempt < maxAttempts && System.nanoTime() < deadline; attempt++) {
            Optional<String> banner = probe.banner(host, port);
            long now = System.nanoTime();
            if (banner.isPresent()) {
                progress.on(new ProgressEvent(stage, node, step, Status.CHANGED, Duration.ofNanos(now - start),
                        "SSH answers on " + host + ":" + port + ": " + banner.get()));
                return banner;
            }
            if (now >= nextReport) {
                long left = Math.max(0, Duration.ofNanos(deadline - now).toSeconds());
                progress.on(ProgressEvent.of(stage, node, step, Status.PROGRESS,
                        "no SSH banner yet on " + host + ":" + port + ", " + left + " s left"));
                nextReport = now + REPORT_EVERY.toNanos();
            }
            try {
                pause.pause(RETRY);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        progress.on(new ProgressEvent(stage, node, step, Status.FAILED, Duration.ofNanos(System.nanoTime() - start),
                "no SSH banner on " + host + ":" + port + " after " + timeout.toSeconds() + " s"));
        return Optional.empty();
    }

    static Optional<String> banner(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), (int) CONNECT.toMillis());
            s.setSoTimeout((int) READ.toMillis());
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            // RFC 4253: the server may send other lines before the version line
            for (int i = 0; i < 20; i++) {
                String line = in.readLine();
                if (line == null) {
                    return Optional.empty();
                }
                if (line.startsWith("SSH-")) {
                    return Optional.of(line.strip());
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
