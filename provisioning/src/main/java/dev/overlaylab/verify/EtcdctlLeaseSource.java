package dev.overlaylab.verify;

import dev.overlaylab.model.Lab;
import dev.overlaylab.ssh.NodeShell;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads flannel's leases with {@code etcdctl} on the master node, through the API the lab's flannel version
 * uses (v3 for flannel ≥ 0.18, v2 keys for older). Going through the master's shell means it works for every
 * provider, whether or not the host can reach the host-only network, and even when etcd listens on loopback
 * only (a fault the diagnoser wants to name, not to trip over).
 */
public final class EtcdctlLeaseSource implements LeaseSource {
    private static final Pattern PUBLIC_IP = Pattern.compile("\"PublicIP\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern BACKEND = Pattern.compile("\"BackendType\"\\s*:\\s*\"([^\"]+)\"");

    private final Lab lab;
    private final NodeShell master;

    public EtcdctlLeaseSource(Lab lab, NodeShell master) {
        this.lab = lab;
        this.master = master;
    }

    /** The command that prints leases as alternating key and value lines. */
    public static String command(Lab lab) {
        String endpoints = NodeCommands.masterEndpoints(lab);
        String prefix = lab.etcd().subnetsPrefix();
        if (lab.flannel().usesEtcdV2()) {
            String ctl = "ETCDCTL_API=2 etcdctl --endpoints=" + endpoints + " --timeout=3s";
            String dir = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
            return "for k in $(" + ctl + " ls " + dir + "); do echo \"$k\"; " + ctl + " get \"$k\"; done";
        }
        return "ETCDCTL_API=3 etcdctl --endpoints=" + endpoints + " --dial-timeout=2s --command-timeout=3s get --prefix " + prefix;
    }

    @Override
    public List<Lease> leases() {
        Probe p = Probe.run(master, command(lab), NodeCommands.QUICK);
        if (!p.ok()) {
            throw new LeaseReadException("could not read leases from etcd on " + master.nodeName(), p.evidence());
        }
        return parse(p.stdout(), lab.etcd().subnetsPrefix());
    }

    /** Parses alternating {@code <prefix>10.1.35.0-24} / JSON lines. */
    public static List<Lease> parse(String keysAndValues, String prefix) {
        List<Lease> out = new ArrayList<>();
        String key = null;
        for (String line : keysAndValues.split("\n")) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            if (l.startsWith(prefix)) {
                key = l.substring(prefix.length());
            } else if (key != null && l.startsWith("{")) {
                Matcher ip = PUBLIC_IP.matcher(l);
                Matcher be = BACKEND.matcher(l);
                out.add(new Lease(key.replace('-', '/'), ip.find() ? ip.group(1) : "", be.find() ? be.group(1) : ""));
                key = null;
            }
        }
        return out;
    }
}
