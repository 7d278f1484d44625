package dev.overlaylab.diagnose;

import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.exec.Commands;
import dev.overlaylab.verify.kube.KubeTarget;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Practice mode's faults ({@code olab break LAB FAULT}): the hand-made misconfigurations of
 * {@code DiagnoseOnALocalLabTest}, each proven there to be diagnosed as exactly its id and repaired by
 * {@code olab diagnose --fix} ({@code --force} where the fault lies in something the lab did not make).
 * Rows not listed here are not offered: their injections are proven only against {@code up}'s repair, or
 * cannot happen on a local lab.
 */
public enum PracticeFault {
    IP_FORWARD_OFF(FailureMode.IP_FORWARD_OFF, true, "sysctl -q -w net.ipv4.ip_forward=0"),
    FORWARD_DROP(FailureMode.FORWARD_DROP, true, "iptables -I FORWARD -s {network} -j DROP"),
    FLANNELD_DOWN(FailureMode.FLANNELD_DOWN, false, "systemctl disable --now flanneld"),
    DOCKER_BEFORE_FLANNEL(FailureMode.DOCKER_BEFORE_FLANNEL, false,
            "mv /etc/systemd/system/docker.service.d/10-flannel.conf /root/10-flannel.conf.practice"
                    + " && systemctl daemon-reload && systemctl restart docker"),
    BACKEND_PORT_BLOCKED(FailureMode.BACKEND_PORT_BLOCKED, true, "iptables -I INPUT -p udp --dport {port} -j DROP"),
    MTU_MISMATCH(FailureMode.MTU_MISMATCH, false,
            "sed -i 's/--mtu=[^ ]*/--mtu=1500/' /etc/systemd/system/docker.service.d/10-flannel.conf"
                    + " && systemctl daemon-reload && systemctl restart docker"),
    /** Seed 004 on a lab with Kubernetes: kube-proxy loses clusterCIDR and stops masquerading the node's Service traffic. */
    CLUSTERIP_UNREACHABLE(FailureMode.CLUSTERIP_UNREACHABLE, false,
            "sed -i '/^clusterCIDR:/d' {kubeProxyConfig} && systemctl restart kube-proxy");

    /** Where on the node a break is recorded, one line each: a person can always read what was done. */
    public static final String LOG = "/var/lib/overlay-lab/practice.log";

    private final FailureMode mode;
    private final boolean needsForce;
    private final String command;

    PracticeFault(FailureMode mode, boolean needsForce, String command) {
        this.mode = mode;
        this.needsForce = needsForce;
        this.command = command;
    }

    public String id() {
        return mode.id();
    }

    /** True when the repair changes what the lab did not make: {@code diagnose --fix --force}. */
    public boolean needsForce() {
        return needsForce;
    }

    public static Optional<PracticeFault> of(String id) {
        return Arrays.stream(values()).filter(f -> f.id().equals(id)).findFirst();
    }

    /** Whether this lab can have the fault (the backend port exists only for vxlan and udp; kube-proxy only with Kubernetes). */
    public boolean appliesTo(Lab lab) {
        if (this == CLUSTERIP_UNREACHABLE) {
            return KubeTarget.of(lab).isPresent();
        }
        return this != BACKEND_PORT_BLOCKED || List.of("vxlan", "udp").contains(lab.flannel().backend().type());
    }

    /** The node broken by default: the last node, so the master's etcd stays out of the way. */
    public Node defaultNode(Lab lab) {
        return lab.nodes().get(lab.nodes().size() - 1);
    }

    /** The command that breaks it, then the line that records it on the node. */
    public String command(Lab lab) {
        Object port = lab.flannel().backend().options().get("Port");
        String p = port != null ? port.toString() : lab.flannel().backend().type().equals("udp") ? "8285" : "8472";
        String c = command.replace("{network}", lab.flannel().network()).replace("{port}", p)
                .replace("{kubeProxyConfig}", KubeTarget.of(lab).map(t -> Commands.quote(t.kubeProxyConfig())).orElse("''"));
        return c + " && mkdir -p " + LOG.substring(0, LOG.lastIndexOf('/')) + " && printf '%s olab break %s: %s\\n' \"$(date -u +%FT%TZ)\" "
                + id() + " " + Commands.quote(c) + " >> " + LOG;
    }
}
