package dev.overlaylab.ssh;

/**
 * Something went wrong talking SSH to a node. The message always says which node, which address, what
 * failed and what to do; subclasses let callers (the diagnoser, the GUI) react to the kind of failure.
 */
public class SshException extends RuntimeException {
    private final String node;
    private final String hostPort;

    public SshException(String node, String hostPort, String what, String fix, Throwable cause) {
        super(message(node, hostPort, what, fix, cause), cause);
        this.node = node;
        this.hostPort = hostPort;
    }

    /** The node name as the lab file calls it. */
    public String node() {
        return node;
    }

    /** {@code host:port} that was dialled. */
    public String hostPort() {
        return hostPort;
    }

    /** The innermost cause (what the JDK or sshj said: refused, no route, ...), for callers that word it themselves. */
    public Throwable rootCause() {
        return SshFailures.rootCause(this);
    }

    private static String message(String node, String hostPort, String what, String fix, Throwable cause) {
        StringBuilder sb = new StringBuilder();
        sb.append("ssh to node '").append(node).append("' (").append(hostPort).append("): ").append(what);
        if (cause != null && cause.getMessage() != null && !what.contains(cause.getMessage())) {
            sb.append("\n  cause: ").append(cause.getMessage());
        }
        if (fix != null && !fix.isBlank()) {
            sb.append("\n  fix: ").append(fix);
        }
        return sb.toString();
    }
}
