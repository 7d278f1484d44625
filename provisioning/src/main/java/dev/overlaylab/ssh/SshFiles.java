package dev.overlaylab.ssh;

import dev.overlaylab.exec.Commands;
import dev.overlaylab.exec.ExecResult;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.sftp.FileAttributes;
import net.schmizz.sshj.sftp.OpenMode;
import net.schmizz.sshj.sftp.RemoteFile;
import net.schmizz.sshj.sftp.SFTPClient;

/**
 * Reading and writing whole files on a node, over one {@link SshNodeShell}'s connection.
 *
 * <p>Writes are atomic: the content goes to a private temporary name beside the target (same filesystem, so
 * {@code mv} is a rename), gets its mode and owner, then one rename puts it over the target, so a reader never sees
 * half a file. A file up to {@link #STDIN_WRITE_MAX} goes in one exec with its content on stdin: no SFTP channel and
 * {@code sftp-server} process per file (a config file took 22–40 ms that way on a lab node, most of it SFTP's set-up).
 * A larger one (a binary) is uploaded over SFTP, beside the target as root, or to /tmp and copied beside it through
 * sudo. Reads go over SFTP as root, and through sudo and base64 otherwise.
 */
final class SshFiles {
    private static final Pattern OWNER = Pattern.compile("[A-Za-z0-9_.][A-Za-z0-9_.-]*(:[A-Za-z0-9_.][A-Za-z0-9_.-]*)?");
    private static final int CHUNK = 32 * 1024;
    /** Files up to this size go in one exec through stdin; larger ones (binaries) over SFTP. */
    static final int STDIN_WRITE_MAX = 1 << 20;
    private static final int ABSENT_EXIT = 3;
    private static final Duration PLACE_TIMEOUT = Duration.ofSeconds(60);

    private final SshNodeShell shell;
    private final SSHClient client;
    private final SshTimeouts timeouts;

    SshFiles(SshNodeShell shell, SSHClient client, SshTimeouts timeouts) {
        this.shell = shell;
        this.client = client;
        this.timeouts = timeouts;
    }

    Optional<byte[]> read(String absolutePath) {
        long started = System.nanoTime();
        try {
            return readFile(absolutePath);
        } finally {
            SshNodeShell.EXECS.debug("{} {} ms read {}", shell.nodeName(), (System.nanoTime() - started) / 1_000_000, absolutePath);
        }
    }

    void write(String absolutePath, byte[] content, int mode, String owner) {
        long started = System.nanoTime();
        try {
            writeFile(absolutePath, content, mode, owner);
        } finally {
            SshNodeShell.EXECS.debug("{} {} ms write {} ({} bytes)", shell.nodeName(), (System.nanoTime() - started) / 1_000_000,
                    absolutePath, content.length);
        }
    }

    private Optional<byte[]> readFile(String absolutePath) {
        requireAbsolute(absolutePath);
        if (shell.endpoint().sudo()) {
            // The login user may not read root's files over SFTP: read through sudo, base64 keeps bytes intact.
            String q = Commands.quote(absolutePath);
            ExecResult r = shell.exec("test -e " + q + " || exit " + ABSENT_EXIT + "; base64 " + q, Duration.ofSeconds(60));
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
                return Optional.of(SshNodeShell.readAll(in));
            }
        } catch (IOException e) {
            throw new SshException(shell.nodeName(), shell.hostPort(), "could not read " + absolutePath + " over SFTP",
                    "check the path and that the node is reachable", e);
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
        String q = Commands.quote(beside);
        String modeText = String.format("%04o", mode);
        String place = "chmod " + modeText + " " + q + " && chown " + owner + " " + q + " && mv -f " + q + " " + Commands.quote(absolutePath);
        String dropBeside = " || { rc=$?; rm -f " + q + "; exit $rc; }";
        if (content.length <= STDIN_WRITE_MAX) {
            placed(shell.execWithInput("mkdir -p " + Commands.quote(dir) + " && (umask 077 && cat > " + q + ") && " + place + dropBeside,
                    content, PLACE_TIMEOUT), absolutePath, modeText, owner);
            return;
        }
        String upload = shell.endpoint().sudo() ? "/tmp/.olab-upload-" + tag : beside;
        try (SFTPClient sftp = sftp()) {
            if (!shell.endpoint().sudo()) {
                sftp.mkdirs(dir);
            }
            try {
                upload(sftp, upload, content);
            } catch (IOException e) {
                removeQuietly(sftp, upload);
                throw e;
            }
        } catch (IOException e) {
            throw new SshException(shell.nodeName(), shell.hostPort(), "could not upload " + absolutePath + " over SFTP",
                    "check free space and permissions on the node", e);
        }
        String finish = place + dropBeside;
        if (shell.endpoint().sudo()) {
            String up = Commands.quote(upload);
            finish = "mkdir -p " + Commands.quote(dir) + " && cp " + up + " " + q + " && " + place + "; rc=$?; rm -f " + up + " " + q + "; exit $rc";
        }
        placed(shell.exec(finish, PLACE_TIMEOUT), absolutePath, modeText, owner);
    }

    private void placed(ExecResult r, String absolutePath, String modeText, String owner) {
        if (!r.ok()) {
            throw new SshException(shell.nodeName(), shell.hostPort(), "could not put " + absolutePath + " in place (mode " + modeText
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
            throw new SshException(shell.nodeName(), shell.hostPort(), "the node's sshd offers no SFTP (subsystem request refused)",
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
}
