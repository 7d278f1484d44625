package dev.overlaylab.ssh;

import dev.overlaylab.exec.Commands;
import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.model.SshEndpoint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.LocalPortForwarder;
import net.schmizz.sshj.connection.channel.direct.Parameters;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.sftp.FileAttributes;
import net.schmizz.sshj.sftp.OpenMode;
import net.schmizz.sshj.sftp.RemoteFile;
import net.schmizz.sshj.sftp.SFTPClient;

/**
 * A node reached over one reused sshj connection: a new session per command, SFTP for files, local
 * port forwards for etcd. Open it with {@link SshConnector}. Privileged work runs as root, through
 * {@code sudo -n sh -c} when the login user is not root. Thread-safe: parallel commands get their
 * own sessions.
 */
public final class SshNodeShell implements NodeShell {
    /** Every remote command with its time and exit code, at DEBUG ({@code OLAB_LOG_LEVEL=DEBUG}): where a run's time goes. */
    private static final org.slf4j.Logger EXECS = org.slf4j.LoggerFactory.getLogger("dev.overlaylab.ssh.exec");
    private static final Pattern OWNER = Pattern.compile("[A-Za-z0-9_.][A-Za-z0-9_.-]*(:[A-Za-z0-9_.][A-Za-z0-9_.-]*)?");
    private static final int CHUNK = 32 * 1024;
    /** Files up to this size go in one exec through stdin; larger ones (binaries) over SFTP. */
    static final int STDIN_WRITE_MAX = 1 << 20;
    private static final int ABSENT_EXIT = 3;
    private static final int TIMEOUT_TERM = 124;
    private static final int TIMEOUT_KILL = 137;
    private static final Duration EXEC_GRACE = Duration.ofSeconds(5);

    private final String node;
    private final SshEndpoint endpoint;
    private final SSHClient client;
    private final SshTimeouts timeouts;
    private final ExecutorService readers;

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

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        in.transferTo(buf);
        return buf.toByteArray();
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public Optional<byte[]> read(String absolutePath) {
        long started = System.nanoTime();
        try {
            return readFile(absolutePath);
        } finally {
            EXECS.debug("{} {} ms read {}", node, (System.nanoTime() - started) / 1_000_000, absolutePath);
        }
    }

    private Optional<byte[]> readFile(String absolutePath) {
        requireAbsolute(absolutePath);
        if (endpoint.sudo()) {
            // The login user may not read root's files over SFTP: read through sudo, base64 keeps bytes intact.
            String q = Commands.quote(absolutePath);
            ExecResult r = exec("test -e " + q + " || exit " + ABSENT_EXIT + "; base64 " + q, Duration.ofSeconds(60));
            if (r.exitCode() == ABSENT_EXIT) {
                return Optional.empty();
            }
            r.orThrow();
            return Optional.of(Base64.getMimeDecoder().decode(r.stdout()));
        }
        try (SFTPClient sftp = sftp()) {
            if (sftp.statExistence(absolutePath) == null) {
                return Optional.empty();
            }
            try (RemoteFile file = sftp.open(absolutePath, EnumSet.of(OpenMode.READ));
                    InputStream in = file.new RemoteFileInputStream()) {
                return Optional.of(readAll(in));
            }
        } catch (IOException e) {
            throw new SshException(node, hostPort(), "could not read " + absolutePath + " over SFTP",
                    "check the path and that the node is reachable", e);
        }
    }

    /**
     * Writes atomically: SFTP upload to a temporary name, mode and owner set on it, then one rename
     * over the target, so a reader never sees half a file. As root the temporary file sits beside the
     * target (same filesystem, so {@code mv} is a rename); with sudo it is uploaded to /tmp and copied
     * beside the target through sudo first.
     */
    @Override
    public void write(String absolutePath, byte[] content, int mode, String owner) {
        long started = System.nanoTime();
        try {
            writeFile(absolutePath, content, mode, owner);
        } finally {
            EXECS.debug("{} {} ms write {} ({} bytes)", node, (System.nanoTime() - started) / 1_000_000, absolutePath, content.length);
        }
    }

    private void writeFile(String absolutePath, byte[] content, int mode, String owner) {
        requireAbsolute(absolutePath);
        if (!OWNER.matcher(owner).matches()) {
            throw new IllegalArgumentException("owner must look like user or user:group, got '" + owner + "'");
        }
        int slash = absolutePath.lastIndexOf('/');
        String dir = slash == 0 ? "/" : absolutePath.substring(0, slash);
        String name = absolutePath.substring(slash + 1);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String beside = dir + "/." + name + ".olab-" + tag;
        String modeText = String.format("%04o", mode);
        if (content.length <= STDIN_WRITE_MAX) {
            // One exec with the content on stdin: no SFTP channel and sftp-server process per file (a config
            // file took 22-40 ms that way on a lab node, most of it SFTP's set-up). Private while written.
            String q = Commands.quote(beside);
            String put = "mkdir -p " + Commands.quote(dir) + " && (umask 077 && cat > " + q + ") && chmod " + modeText + " " + q
                    + " && chown " + owner + " " + q + " && mv -f " + q + " " + Commands.quote(absolutePath) + " || { rc=$?; rm -f " + q + "; exit $rc; }";
            ExecResult r = execRaw(put, endpoint.sudo(), Duration.ofSeconds(60), content);
            if (!r.ok()) {
                throw new SshException(node, hostPort(), "could not write " + absolutePath + " (mode " + modeText
                        + ", owner " + owner + "): " + r.stderr().strip(), "check that owner exists on the node and the folder is writable", null);
            }
            return;
        }
        String upload = endpoint.sudo() ? "/tmp/.olab-upload-" + tag : beside;
        try (SFTPClient sftp = sftp()) {
            if (!endpoint.sudo()) {
                sftp.mkdirs(dir);
            }
            try {
                upload(sftp, upload, content);
            } catch (IOException e) {
                removeQuietly(sftp, upload);
                throw e;
            }
        } catch (IOException e) {
            throw new SshException(node, hostPort(), "could not upload " + absolutePath + " over SFTP",
                    "check free space and permissions on the node", e);
        }
        String q = Commands.quote(beside);
        String finish = "chmod " + modeText + " " + q + " && chown " + owner + " " + q + " && mv -f " + q + " " + Commands.quote(absolutePath);
        if (endpoint.sudo()) {
            String up = Commands.quote(upload);
            finish = "mkdir -p " + Commands.quote(dir) + " && cp " + up + " " + q + " && " + finish
                    + "; rc=$?; rm -f " + up + " " + q + "; exit $rc";
        } else {
            finish = finish + " || { rc=$?; rm -f " + q + "; exit $rc; }";
        }
        ExecResult r = exec(finish, Duration.ofSeconds(60));
        if (!r.ok()) {
            throw new SshException(node, hostPort(), "could not put " + absolutePath + " in place (mode " + modeText
                    + ", owner " + owner + "): " + r.stderr().strip(), "check that owner exists on the node and the folder is writable", null);
        }
    }

    private void upload(SFTPClient sftp, String remote, byte[] content) throws IOException {
        FileAttributes privateMode = new FileAttributes.Builder().withPermissions(0600).build();
        try (RemoteFile file = sftp.open(remote, EnumSet.of(OpenMode.WRITE, OpenMode.CREAT, OpenMode.TRUNC), privateMode)) {
            for (int off = 0; off < content.length; off += CHUNK) {
                file.write(off, content, off, Math.min(CHUNK, content.length - off));
            }
        }
    }

    private static void removeQuietly(SFTPClient sftp, String path) {
        try {
            sftp.rm(path);
        } catch (IOException ignored) {
            // never created, or the connection is gone: the caller reports the upload failure
        }
    }

    private SFTPClient sftp() throws IOException {
        SFTPClient sftp;
        try {
            sftp = client.newSFTPClient();
        } catch (net.schmizz.sshj.connection.ConnectionException e) {
            throw new SshException(node, hostPort(), "the node's sshd offers no SFTP (subsystem request refused)",
                    "add 'Subsystem sftp internal-sftp' (or the sftp-server path) to /etc/ssh/sshd_config on the node and restart sshd", e);
        }
        sftp.getSFTPEngine().setTimeoutMs((int) timeouts.transfer().toMillis());
        return sftp;
    }

    private static void requireAbsolute(String path) {
        if (!path.startsWith("/") || path.endsWith("/")) {
            throw new IllegalArgumentException("need an absolute file path, got '" + path + "'");
        }
    }

    /**
     * Listens on an ephemeral port of 127.0.0.1 here and carries each connection to
     * {@code remoteHost:remotePort} as the node sees it (e.g. etcd on the master's 127.0.0.1:2379).
     */
    @Override
    public LocalForward forward(String remoteHost, int remotePort) {
        ServerSocket socket = null;
        try {
            socket = new ServerSocket();
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
