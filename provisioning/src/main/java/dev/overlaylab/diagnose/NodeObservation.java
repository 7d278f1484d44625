package dev.overlaylab.diagnose;

import dev.overlaylab.model.Cidr;
import dev.overlaylab.net.InterfaceAddress;
import dev.overlaylab.net.SubnetEnv;
import dev.overlaylab.verify.Probe;
import java.util.Optional;

/** What the observer read from one node for the diagnoser (beyond the matrix). */
public record NodeObservation(
        String node,
        Probe addresses,
        Probe subnetEnv,
        Probe docker0Address,
        Probe input,
        Probe routes,
        Probe routesToPeers,
        Optional<Probe> offload) {

    public Optional<SubnetEnv> parsedSubnetEnv() {
        return subnetEnv.ok() ? Optional.of(SubnetEnv.parse(subnetEnv.stdout())).filter(SubnetEnv::complete) : Optional.empty();
    }

    public Optional<Cidr> docker0() {
        return docker0Address.ok() ? InterfaceAddress.firstInet(docker0Address.stdout()) : Optional.empty();
    }

    /** The interface holding {@code ip} according to {@code ip -o -4 addr show}, e.g. {@code enp0s8}. */
    public Optional<String> interfaceWith(String ip) {
        for (String line : addresses.stdout().split("\n")) {
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
