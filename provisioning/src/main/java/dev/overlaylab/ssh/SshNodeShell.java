package dev.overlaylab.ssh;

import dev.overlaylab.exec.Commands;
import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.model.SshEndpoint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.LocalPortForwarder;
import net.schmizz.sshj.connection.channel.direct.Parameters;
import net.schmizz.sshj.connection.channel.direct.Session;

/**
 * A node reached over one reused sshj connection: a new session per command, SFTP for files, local
 * port forwards for etcd. Open it with {@link SshConnector}. Privileged work runs as root, through
 * {@code sudo -n sh -c} when the login user is not root. Thread-safe: parallel commands get their
 * own sessions.
 */
public final class SshNodeShell implements NodeShell {
    /** Every remote command, file read and write with its time, at DEBUG ({@code OLAB_LOG_LEVEL=DEBUG}): where a run's time goes. */
    static final org.slf4j.Logger EXECS = org.slf4j.LoggerFactory.getLogger("dev.overlaylab.ssh.exec");
    private static final int TIMEOUT_TERM = 124;
    private static final int TIMEOUT_KILL = 137;
    private static final Duration EXEC_GRACE = Duration.ofSeconds(5);

    private final String node;
    private final SshEndpoint endpoint;
    private final SSHClient client;
    private final SshTimeouts timeouts;
    private final ExecutorService readers;
    private final SshFiles files;

    SshNodeShell(String node, SshEndpoint endpoint, SSHClient client, SshTimeouts timeouts) {
        this.node = node;
        this.endpoint = endpoint;
        this.client = client;
        this.timeouts = timeouts;
        this.readers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "ssh-" + node + "-reader");
            t.setDaemon(true);
            return t;
        });
        this.files = new SshFiles(this, client, timeouts);
    }

    @Override
    public String nodeName() {
        return node;
    }

    public SshEndpoint endpoint() {
        return endpoint;
    }

    public String hostPort() {
        return endpoint.host() + ":" + endpoint.port();
    }

    /** Whether the connection's socket sends small packets at once (Nagle off, see {@link NoDelaySockets}). */
    boolean sendsAtOnce() throws java.net.SocketException {
        return client.getSocket().getTcpNoDelay();
    }

    /** Whether the underlying connection is still up (a node that died shows false). */
    public boolean isConnected() {
        return client.isConnected() && client.isAuthenticated();
    }

    /**
     * Runs a command line as root (sudo -n when the user is not root). The node enforces the
     * timeout itself with coreutils {@code timeout} (TERM to the whole process group, KILL 2 s
     * later), because sshd neither forwards signals to root sessions nor closes a session whose
     * process still runs; a command over its time raises {@link SshTimeoutException}.
     */
    @Override
    public ExecResult exec(String command, Duration timeout) {
        return execRaw(command, endpoint.sudo(), timeout, null);
    }

    /** Runs a command line as root (as {@link #exec}) with {@code input} on its stdin. */
    ExecResult execWithInput(String command, byte[] input, Duration timeout) {
        return execRaw(command, endpoint.sudo(), timeout, input);
    }

    /** Runs a command line as the login user, without sudo (e.g. to edit ~/.ssh). */
    public ExecResult execAsLoginUser(String command, Duration timeout) {
        return execRaw(command, false, timeout, null);
    }

    private static String remoteLine(String command, boolean sudo, Duration timeout) {
        long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
        String bounded = "timeout -k 2 " + seconds + " sh -c " + Commands.quote(command);
        return sudo ? "sudo -n " + bounded : bounded;
    }

    /** @param input what the command reads on stdin, or null for none (stdin is closed at once either way after it) */
    private ExecResult execRaw(String command, boolean sudo, Duration timeout, byte[] input) {
        List<String> argv = List.of("ssh", node, command);
        long started = System.nanoTime();
        // The node stops the command at `timeout`; we wait a little longer for its answer, no more.
        long deadline = started + timeout.plus(EXEC_GRACE).toNanos();
        Session session = openSession();
        boolean abandoned = false;
        try {
            Session.Command cmd = session.exec(remoteLine(command, sudo, timeout));
            Future<byte[]> out = readers.submit(() -> readAll(cmd.getInputStream()));
            Future<byte[]> err = readers.submit(() -> readAll(cmd.getErrorStream()));
            // then EOF on stdin: a command that reads stdin must not wait for us forever
            try (var stdin = cmd.getOutputStream()) {
                if (input != null) {
                    stdin.write(input);
                }
            }
            String stdout;
            String stderr;
            try {
                stdout = utf8(out.get(Math.max(1, remainingMillis(deadline)), TimeUnit.MILLISECONDS));
                stderr = utf8(err.get(Math.max(1, remainingMillis(deadline)), TimeUnit.MILLISECONDS));
            } catch (TimeoutException e) {
                // No answer even after the node's own timeout: the connection is likely dead.
                // Closing would wait for a peer that does not answer; leave the channel to sshj.
                abandoned = true;
                throw timedOut(command, timeout, "no answer from the node (connection lost?)", e);
            }
            cmd.join(Math.max(1, remainingMillis(deadline)), TimeUnit.MILLISECONDS);
            session.close();
            Integer status = cmd.getExitStatus();
            boolean overTime = System.nanoTime() - started >= timeout.toNanos();
            if (overTime && (status == null || status == TIMEOUT_TERM || status == TIMEOUT_KILL)) {
                throw timedOut(command, timeout, "the node stopped it", null);
            }
            if (status == null) {
                String why = cmd.getExitSignal() != null ? "it was killed by signal " + cmd.getExitSignal()
                        : "the node sent no exit status (connection lost?)";
                throw new SshException(node, hostPort(), "command `" + command + "` ended without an exit code: " + why
                        + (stderr.isBlank() ? "" : "\n  stderr: " + Commands.excerpt(stderr.strip(), 2000)),
                        "check the node is still running, then run again", null);
            }
            if (EXECS.isDebugEnabled()) {
                EXECS.debug("{} {} ms exit {}: {}", node, (System.nanoTime() - started) / 1_000_000, status, command);
            }
            return new ExecResult(argv, status, stdout, stderr);
        } catch (SshException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SshException(node, hostPort(), "interrupted while running `" + command + "`", null, e);
        } catch (IOException | ExecutionException e) {
            throw new SshException(node, hostPort(), "could not run `" + command + "`",
                    "check the node is still running and reachable, then run again", e);
        } finally {
            if (!abandoned) {
                closeQuietly(session);
            }
        }
    }

    private Session openSession() {
        return SessionOpener.open(client, node, hostPort());
    }

    private SshTimeoutException timedOut(String command, Duration timeout, String how, Throwable cause) {
        return new SshTimeoutException(node, hostPort(), "command `" + command + "` did not finish within "
                + timeout.toMillis() / 1000.0 + " s; " + how,
                "look at what the command waits for on the node (a service start, a download, a lock)", cause);
    }

    private static void closeQuietly(Session session) {
        try {
            session.close();
        } catch (IOException ignored) {
            // already closed by the peer, or the connection is gone: nothing left to release
        }
    }

    private static long remainingMillis(long deadlineNanos) {
        return TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
    }

    static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        in.transferTo(buf);
        return buf.toByteArray();
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public Optional<byte[]> read(String absolutePath) {
        return files.read(absolutePath);
    }

    /**
     * Writes atomically: the content goes to a private temporary name beside the target, gets its mode and owner, then
     * one rename puts it over the target, so a reader never sees half a file (see {@link SshFiles}).
     */
    @Override
    public void write(String absolutePath, byte[] content, int mode, String owner) {
        files.write(absolutePath, content, mode, owner);
    }

    /**
     * Listens on an ephemeral port of 127.0.0.1 here and carries each connection to
     * {@code remoteHost:remotePort} as the node sees it (e.g. etcd on the master's 127.0.0.1:2379).
     */
    @Override
    public LocalForward forward(String remoteHost, int remotePort) {
        ServerSocket socket = null;
        try {
            socket = new ForwardSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            Parameters params = new Parameters("127.0.0.1", socket.getLocalPort(), remoteHost, remotePort);
            LocalPortForwarder forwarder = client.newLocalPortForwarder(params, socket);
            Thread listener = new Thread(() -> {
                try {
                    forwarder.listen();
                } catch (IOException closed) {
                    // close() stops listen() by closing the socket: the normal way out.
                }
            }, "ssh-" + node + "-forward-" + remotePort);
            listener.setDaemon(true);
            listener.start();
            return new Forward(socket.getLocalPort(), remoteHost, remotePort, forwarder, listener);
        } catch (IOException e) {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // already failing; the first error is the one to report
                }
            }
            throw new SshException(node, hostPort(), "could not open a local forward to " + remoteHost + ":" + remotePort,
                    "check that this machine may listen on 127.0.0.1", e);
        }
    }

    /**
     * The forward's listening socket, which also closes the connections it accepted when it closes. sshj's forwarder
     * closes only the listening socket: a connection a client keeps alive ({@code HttpURLConnection} keeps etcd's)
     * stayed open, its copying thread blocked in a native read, and the JVM's exit waits up to 0.3 s for threads in
     * native code before it ends (measured: 0.32 s of a 1.55 s {@code olab verify}, with strace).
     */
    private static final class ForwardSocket extends ServerSocket {
        private final Set<Socket> accepted = ConcurrentHashMap.newKeySet();

        ForwardSocket() throws IOException {
            super();
        }

        @Override
        public Socket accept() throws IOException {
            Socket s = super.accept();
            accepted.removeIf(Socket::isClosed);
            accepted.add(s);
            return s;
        }

        @Override
        public void close() throws IOException {
            super.close();
            for (Socket s : accepted) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing is all that is asked; a socket that fails to close is gone either way
                }
            }
        }
    }

    private record Forward(int localPort, String remoteHost, int remotePort, LocalPortForwarder forwarder, Thread listener)
            implements LocalForward {
        @Override
        public void close() {
            try {
                forwarder.close();
                listener.join(2000);
            } catch (IOException ignored) {
                // the socket is closed either way
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        readers.shutdownNow();
        try {
            client.close();
        } catch (IOException ignored) {
            // closing a dead connection may fail; there is nothing left to release
        }
    }

    @Override
    public String toString() {
        return "SshNodeShell[" + node + " " + endpoint.user() + "@" + hostPort() + (endpoint.sudo() ? " sudo" : "") + "]";
    }
}
