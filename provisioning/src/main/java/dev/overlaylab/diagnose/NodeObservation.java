package dev.overlaylab.diagnose;

import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.model.Cidr;
import dev.overlaylab.net.InterfaceAddress;
import dev.overlaylab.net.SubnetEnv;
import dev.overlaylab.verify.Probe;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the observer read from one node for the diagnoser (beyond the matrix): one {@link Probe} per section
 * of the node's {@link dev.overlaylab.verify.EvidenceScript}, by the names in {@link Observer}.
 */
public record NodeObservation(String node, Map<String, Probe> sections) {

    public NodeObservation {
        sections = Map.copyOf(sections);
    }

    /** The section's probe; a section that was not read looks like a command that failed to run. */
    public Probe section(String name) {
        Probe p = sections.get(name);
        return p != null ? p : new Probe(name, new ExecResult(List.of("sh", "-c", name), 255, "", "not read"), Duration.ZERO);
    }

    public Probe addresses() {
        return section(Observer.ADDRESSES);
    }

    public Probe subnetEnv() {
        return section(Observer.SUBNET_ENV);
    }

    public Probe docker0Address() {
        return section(Observer.DOCKER0);
    }

    public Probe input() {
        return section(Observer.INPUT);
    }

    public Probe routes() {
        return section(Observer.ROUTES);
    }

    public Probe routesToPeers() {
        return section(Observer.ROUTES_TO_PEERS);
    }

    public Optional<Probe> offload() {
        return Optional.ofNullable(sections.get(Observer.OFFLOAD));
    }

    /** {@code systemctl show} of one unit, empty when it was not read. */
    public Optional<UnitState> unit(String unit) {
        Probe p = section(Observer.UNITS);
        return p.ok() ? UnitState.parseAll(p.stdout()).stream().filter(u -> u.id().equals(unit + ".service")).findFirst()
                : Optional.empty();
    }

    /** The running process's command line ({@code ps -o args=}), empty when none runs or it was not read. */
    public Optional<String> commandLine(String section) {
        Probe p = section(section);
        return p.ok() && !p.stdout().isBlank() ? Optional.of(p.stdout().strip().lines().findFirst().orElse("")) : Optional.empty();
    }

    public Optional<SubnetEnv> parsedSubnetEnv() {
        return subnetEnv().ok() ? Optional.of(SubnetEnv.parse(subnetEnv().stdout())).filter(SubnetEnv::complete) : Optional.empty();
    }

    public Optional<Cidr> docker0() {
        return docker0Address().ok() ? InterfaceAddress.firstInet(docker0Address().stdout()) : Optional.empty();
    }

    /** The interface holding {@code ip} according to {@code ip -o -4 addr show}, e.g. {@code enp0s8}. */
    public Optional<String> interfaceWith(String ip) {
        for (String line : addresses().stdout().split("\n")) {
            String[] w = line.strip().split("\\s+");
            for (int i = 0; i + 1 < w.length; i++) {
                if (w[i].equals("inet") && w[i + 1].startsWith(ip + "/") && w.length > 1) {
                    return Optional.of(w[1].replaceAll("@.*$", ""));
                }
            }
        }
        return Optional.empty();
    }
}
