package dev.overlaylab.ssh;

import dev.overlaylab.exec.Wait;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.OpenFailException;
import net.schmizz.sshj.connection.channel.direct.Session;

/**
 * Opens a session channel on a node's connection. sshd refuses one while MaxSessions (10) are open: OpenSSH
 * answers "open failed" with reason code CONNECT_FAILED (its default for any channel it would not open;
 * for a session channel nothing else sends it; ADMINISTRATIVELY_PROHIBITED, which other servers use for the same limit,
 * is treated alike); callers keep fewer in flight (the verifier 6 per node), but sshd
 * frees a closed session a moment after the client saw it end, so a burst of short commands (a 6-node verify:
 * 25 pair cells per node) met a refusal about once in 25 runs. That refusal is retried for up to 2 s; any other
 * failure is not.
 */
final class SessionOpener {
    static final Duration REFUSED_RETRY = Duration.ofSeconds(2);

    private SessionOpener() {
    }

    static Session open(SSHClient client, String node, String hostPort) {
        IOException[] refused = {null};
        Wait.Outcome<Session> opened;
        try {
            opened = Wait.until("a free session on " + node + "'s SSH connection").timeout(REFUSED_RETRY)
                    .interval(Duration.ofMillis(50)).abortOn(NotRetried.class).check(() -> {
                        try {
                            return Optional.of(client.startSession());
                        } catch (OpenFailException e) {
                            if (e.getReason() != OpenFailException.Reason.CONNECT_FAILED
                                    && e.getReason() != OpenFailException.Reason.ADMINISTRATIVELY_PROHIBITED) {
                                throw new NotRetried(e);
                            }
                            refused[0] = e;
                            return Optional.empty();
                        } catch (IOException e) {
                            throw new NotRetried(e);
                        }
                    });
        } catch (NotRetried e) {
            throw failed(node, hostPort, "could not open a session on the SSH connection", e.io);
        }
        return opened.value().orElseThrow(() -> failed(node, hostPort, "could not open a session on the SSH connection: sshd "
                + "refused new sessions for " + REFUSED_RETRY.toSeconds() + " s (its MaxSessions limit)", refused[0]));
    }

    private static SshException failed(String node, String hostPort, String what, IOException cause) {
        return new SshException(node, hostPort, what, "check the node is still running and reachable, then run again", cause);
    }

    /** Carries an {@link IOException} that is not worth another try out of the wait. */
    private static final class NotRetried extends RuntimeException {
        final IOException io;

        NotRetried(IOException io) {
            super(io);
            this.io = io;
        }
    }
}
