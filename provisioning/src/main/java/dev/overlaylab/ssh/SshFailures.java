package dev.overlaylab.ssh;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import net.schmizz.sshj.common.DisconnectReason;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;

/** Turns what sshj and the JDK throw into {@link SshException}s a person can act on. */
final class SshFailures {
    private SshFailures() {
    }

    /** A failure while connecting and logging in. */
    static SshException connecting(String node, String hostPort, String user, String keyDescription,
            AppHostKeyVerifier verifier, Throwable e) {
        if (e instanceof SshException already) {
            return already;
        }
        if (verifier != null && verifier.mismatch().isPresent()) {
            return verifier.mismatch().get();
        }
        Throwable root = rootCause(e);
        if (root instanceof ConnectException) {
            // A VirtualBox node is reached through a NAT port-forward on this machine's loopback; the port-forward
            // advice belongs only to such an address, not to an existing host's or a local node's.
            boolean loopback = hostPort.startsWith("127.") || hostPort.startsWith("localhost:") || hostPort.startsWith("[::1]");
            return new SshConnectException(node, hostPort, "connection refused: nothing listens on that port",
                    "check the node is running and sshd is started on it, on the port the lab file names"
                            + (loopback ? "; a VirtualBox node is reached through its NAT port-forward rule on this"
                                    + " loopback address: check that rule" : ""),
                    e);
        }
        if (root instanceof NoRouteToHostException) {
            return new SshConnectException(node, hostPort, "no route to host",
                    "check the address in the lab file and that this machine can reach that network", e);
        }
        if (root instanceof UnknownHostException) {
            return new SshConnectException(node, hostPort, "unknown host name",
                    "use an IP address or a name this machine can resolve", e);
        }
        if (root instanceof SocketTimeoutException || root instanceof TimeoutException) {
            return new SshTimeoutException(node, hostPort, "no answer in time while connecting",
                    "check the node is up (a booting node may need longer) and no firewall drops port "
                            + hostPort.substring(hostPort.lastIndexOf(':') + 1), e);
        }
        if (e instanceof UserAuthException) {
            return new SshAuthException(node, hostPort, "login as '" + user + "' refused with " + keyDescription,
                    "install the lab's public key in ~" + user + "/.ssh/authorized_keys on the node (providers do it;"
                            + " for the hosts provider run once with a password), or set the right user/key in the lab file",
                    e);
        }
        if (e instanceof TransportException te && te.getDisconnectReason() == DisconnectReason.HOST_KEY_NOT_VERIFIABLE) {
            return new SshConnectException(node, hostPort, "the host key could not be verified",
                    "see the known_hosts file of Overlay Lab", e);
        }
        return new SshConnectException(node, hostPort, "SSH handshake failed",
                "check that an SSH server (not another service) listens on that port", e);
    }

    static Throwable rootCause(Throwable e) {
        Throwable t = e;
        for (int depth = 0; depth < 10 && t.getCause() != null && t.getCause() != t; depth++) {
            t = t.getCause();
        }
        return t;
    }
}
