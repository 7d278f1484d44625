package dev.overlaylab.verify;

import java.util.LinkedHashMap;
import java.util.Map;

/** One node of {@link FakeLab}: what its simulated shell answers (services, subnet.env, docker0, pod, chains). */
public final class FakeLabNode {
    public final String name;
    public String ip;
    public final Map<String, String> services = new LinkedHashMap<>();
    public String subnet;      // FLANNEL_SUBNET, null = no subnet.env
    public String docker0;     // docker0 address/prefix, null = no docker0
    public int docker0Mtu;
    public String podIp;       // null = pod does not start
    public long podPid;
    public String forward = "iptables-forward-docker-flannel.txt";
    public String input = "iptables-input-empty.txt";
    public String gateway;     // non-null: peers are reached via this router
    /** Further answers by exact command (systemctl show, sysctl, iptables -S, ps …), exit 0. */
    public final Map<String, String> extra = new LinkedHashMap<>();
    /** Answers to scripts, by a line the script contains (the Kubernetes rows' one script per node), exit 0. */
    public final Map<String, String> scripts = new LinkedHashMap<>();

    FakeLabNode(String name, String ip) {
        this.name = name;
        this.ip = ip;
    }
}
