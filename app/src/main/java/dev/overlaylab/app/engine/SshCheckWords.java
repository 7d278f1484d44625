package dev.overlaylab.app.engine;

import dev.overlaylab.app.ui.Messages;
import dev.overlaylab.provider.hosts.ConnectionCheck;
import dev.overlaylab.ssh.HostKeyChangedException;
import dev.overlaylab.ssh.KnownHostsStore;
import dev.overlaylab.ssh.SshAuthException;
import dev.overlaylab.ssh.SshException;
import dev.overlaylab.ssh.SshKeyException;
import dev.overlaylab.ssh.SshTimeoutException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * What the wizard's Test connection says: the outcome of {@link LabService#testSsh} in a person's
 * words, with the fix that belongs to the cause and names the wizard's own fields (Port, User, Key),
 * not the lab file's paths or the command line. Decided by the exception's type and cause, never by
 * its (CLI) text.
 */
public final class SshCheckWords {
    private SshCheckWords() {
    }

    /** Whether a login that worked is also enough for the lab (its privileged steps will run). */
    public static boolean enough(ConnectionCheck.Result r) {
        return r.privilege() == ConnectionCheck.Privilege.ROOT || r.privilege() == ConnectionCheck.Privilege.SUDO_WORKS;
    }

    public static String success(ConnectionCheck.Result r) {
        String where = r.port() == 22 ? r.host() : r.host() + " port " + r.port();
        String text = switch (r.privilege()) {
            case ROOT -> Messages.format("sshcheck.root", where, r.user());
            case SUDO_WORKS -> Messages.format("sshcheck.sudoWorks", where, r.user());
            case SUDO_FAILS -> Messages.format("sshcheck.sudoFails", where, r.user(), r.detail());
            case NOT_ROOT -> Messages.format("sshcheck.notRoot", where, r.user());
        };
        return text + r.newHostKey().map(k -> " " + Messages.format("sshcheck.newHostKey", k)).orElse("");
    }

    /** A failed test of {@code user@host:port} with {@code key} (empty: the lab's own key). */
    public static String failure(Throwable e, String host, int port, String user, Optional<String> key) {
        String p = String.valueOf(port);
        if (e instanceof SshKeyException k) {
            return switch (k.reason()) {
                case MISSING -> Messages.format("sshcheck.keyMissing", k.keyFile());
                case UNREADABLE -> Messages.format("sshcheck.keyUnreadable", k.keyFile());
                case NOT_A_KEY -> Messages.format("sshcheck.notAKey", k.keyFile());
                case NO_LAB_KEY -> Messages.format("sshcheck.noLabKey");
            };
        }
        if (e instanceof HostKeyChangedException h) {
            return Messages.format("sshcheck.hostKeyChanged", host, p, h.oldFingerprint(), h.newFingerprint(),
                    KnownHostsStore.standard().file());
        }
        if (e instanceof SshAuthException) {
            return key.isEmpty() ? Messages.format("sshcheck.authRefusedLabKey", host, user)
                    : Messages.format("sshcheck.authRefused", host, user, key.get());
        }
        if (e instanceof SshTimeoutException) {
            return Messages.format("sshcheck.timeout", host, p);
        }
        if (e instanceof SshException s) {
            Throwable root = s.rootCause();
            if (root instanceof ConnectException) {
                return Messages.format("sshcheck.refused", host, p);
            }
            if (root instanceof NoRouteToHostException) {
                return Messages.format("sshcheck.noRoute", host);
            }
            if (root instanceof UnknownHostException) {
                return Messages.format("sshcheck.unknownHost", host);
            }
            return Messages.format("sshcheck.notSsh", host, p);
        }
        return Messages.format("sshcheck.other", UserMessages.error(e));
    }
}
