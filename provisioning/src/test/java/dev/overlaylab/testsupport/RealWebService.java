package dev.overlaylab.testsupport;

import dev.overlaylab.exec.ProcessRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The real {@code vboxwebsrv} 7.2 of the CI chroot, on 127.0.0.1, for one test class: started through
 * the exec runner in the test's own {@link RealVirtualBox} session (so it sees only that session's
 * VMs), daemonised ({@code -b}) with a PID file, stopped by that PID. Authentication is off
 * ({@code setproperty websrvauthlibrary null}) in the session's own VirtualBox.xml, which lives in its
 * VBOX_USER_HOME under /tmp and is deleted with it: nothing shared is changed, so there is nothing to put back.
 * Ports 18090–18099 only (the first free one).
 */
public final class RealWebService implements AutoCloseable {
    public static final String BINARY = "/usr/lib/virtualbox/vboxwebsrv";
    private static final ProcessRunner RUN = new ProcessRunner();

    private final String host;
    private final int port;
    private final long pid;
    private final Path log;
    private String wsdl;

    private RealWebService(String host, int port, long pid, Path log) {
        this.host = host;
        this.port = port;
        this.pid = pid;
        this.log = log;
    }

    public static RealWebService start(RealVirtualBox vb) {
        return start(vb, "127.0.0.1");
    }

    /**
     * Listening on {@code host}: 127.0.0.1, or for a session in a network namespace the namespace's end
     * of a veth pair the test made (then the port is free inside the namespace, whatever the host's say).
     */
    public static RealWebService start(RealVirtualBox vb, String host) {
        vb.raw("setproperty", "websrvauthlibrary", "null");
        int port = freePort().orElseThrow(() -> new IllegalStateException("no free port in 18090-18099 on 127.0.0.1"));
        Path pidFile = vb.dir().resolve("vboxwebsrv.pid");
        Path log = vb.dir().resolve("vboxwebsrv.log");
        RUN.check(List.of(vb.tool(BINARY).toString(), "-b", "-H", host, "-p", String.valueOf(port), "-P",
                pidFile.toString(), "-F", log.toString()), Duration.ofSeconds(30));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long pid = -1;
        while (System.nanoTime() < deadline) {
            try {
                if (pid < 0 && Files.isRegularFile(pidFile) && !Files.readString(pidFile).isBlank()) {
                    pid = Long.parseLong(Files.readString(pidFile).strip());
                }
                if (pid > 0 && answers(host, port)) {
                    return new RealWebService(host, port, pid, log);
                }
                Thread.sleep(250);
            } catch (IOException | NumberFormatException e) {
                // not written yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (pid > 0) {
            stop(pid);
        }
        throw new IllegalStateException("vboxwebsrv did not answer on " + host + ":" + port + " within 30 s; its log: " + log);
    }

    public URI url() {
        return URI.create("http://" + host + ":" + port + "/");
    }

    public int port() {
        return port;
    }

    public long pid() {
        return pid;
    }

    public Path log() {
        return log;
    }

    /** The WSDL the running server serves ({@code GET /?wsdl}), fetched once. */
    public synchronized String wsdl() {
        if (wsdl == null) {
            try {
                wsdl = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url() + "?wsdl")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return wsdl;
    }

    /** A port in 18090–18099 where nothing listens now (for a "dead server"). */
    public static Optional<Integer> freePort() {
        for (int p = 18090; p <= 18099; p++) {
            try (ServerSocket s = new ServerSocket(p, 1, InetAddress.getLoopbackAddress())) {
                return Optional.of(p);
            } catch (IOException taken) {
                // next
            }
        }
        return Optional.empty();
    }

    private static boolean answers(String host, int port) {
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new java.net.InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void stop(long pid) {
        ProcessHandle.of(pid).ifPresent(p -> {
            p.destroy();
            try {
                p.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        });
    }

    /** Stops the server by its PID (before the session's VBoxSVC can exit). */
    @Override
    public void close() {
        stop(pid);
    }
}
