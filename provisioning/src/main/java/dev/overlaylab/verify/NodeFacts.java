package dev.overlaylab.verify;

import dev.overlaylab.model.Cidr;
import dev.overlaylab.model.Node;
import dev.overlaylab.net.InterfaceAddress;
import dev.overlaylab.net.SubnetEnv;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the verifier read from one node before judging it. Probes that were not run (pods switched off,
 * docker down) are empty.
 */
public record NodeFacts(
        Node node,
        boolean etcdNode,
        Probe services,
        Probe subnetEnv,
        Optional<Probe> podStart,
        Probe docker0Address,
        Probe docker0Mtu,
        Optional<Probe> dockerMtuOption,
        Probe forward,
        Optional<Probe> etcdHealth) {

    /** {@code systemctl is-active} state of each unit asked for, e.g. {@code flanneld → active}. */
    public Map<String, String> serviceStates() {
        return serviceStates(services);
    }

    /** States by role ({@code etcd}, {@code flanneld}, {@code docker}), read by position from the output. */
    static Map<String, String> serviceStates(Probe services) {
        int units = services.command().replace("systemctl is-active ", "").split(" ").length;
        List<String> roles = units == 3 ? List.of("etcd", "flanneld", "docker") : List.of("flanneld", "docker");
        String[] lines = services.stdout().strip().split("\n");
        Map<String, String> states = new java.util.LinkedHashMap<>();
        for (int i = 0; i < roles.size(); i++) {
            String state = i < lines.length && !lines[i].isBlank() ? lines[i].strip() : "unknown";
            states.put(roles.get(i), state);
        }
        return states;
    }

    public boolean active(String unit) {
        return "active".equals(serviceStates().get(unit));
    }

    public Optional<SubnetEnv> parsedSubnetEnv() {
        return subnetEnv.ok() ? Optional.of(SubnetEnv.parse(subnetEnv.stdout())).filter(SubnetEnv::complete) : Optional.empty();
    }

    public Optional<Cidr> docker0() {
        return docker0Address.ok() ? InterfaceAddress.firstInet(docker0Address.stdout()) : Optional.empty();
    }

    public OptionalInt docker0MtuValue() {
        try {
            return docker0Mtu.ok() ? OptionalInt.of(Integer.parseInt(docker0Mtu.stdout().strip())) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** The MTU docker was configured with, when it was read (no pod attached to docker0). */
    public OptionalInt dockerMtuOptionValue() {
        try {
            return dockerMtuOption.filter(Probe::ok).map(p -> OptionalInt.of(Integer.parseInt(p.stdout().strip())))
                    .orElse(OptionalInt.empty());
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    public Optional<VerifyPod> pod() {
        return podStart.filter(Probe::ok).flatMap(p -> VerifyPod.parse(p.stdout()));
    }

    public String name() {
        return node.name();
    }
}
