package dev.overlaylab.provider.virtualbox.parse;

/**
 * One NAT port-forwarding rule: {@code Forwarding(0)="ssh,tcp,127.0.0.1,2222,,22"} on NIC {@code nic}.
 * An empty host IP means every host address.
 */
public record PortForward(int nic, String name, String protocol, String hostIp, int hostPort, String guestIp, int guestPort) {

    /** Parses the value of a {@code Forwarding(n)} line: name,proto,hostip,hostport,guestip,guestport. */
    public static PortForward parse(int nic, String value) {
        String[] p = value.split(",", -1);
        if (p.length < 6) {
            throw new IllegalArgumentException("not a port-forwarding rule: " + value);
        }
        return new PortForward(nic, p[0], p[1], p[2], Integer.parseInt(p[3].strip()), p[4], Integer.parseInt(p[5].strip()));
    }

    /** The rule as {@code --natpf1} takes it. */
    public String asRule() {
        return name + "," + protocol + "," + hostIp + "," + hostPort + "," + guestIp + "," + guestPort;
    }
}
