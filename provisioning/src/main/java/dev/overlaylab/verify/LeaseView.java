package dev.overlaylab.verify;

import dev.overlaylab.etcd.Lease;
import dev.overlaylab.model.Cidr;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The leases read for one run, or why they could not be read. */
public record LeaseView(List<Lease> leases, Optional<LeaseSource.LeaseReadException> error) {

    public LeaseView {
        leases = List.copyOf(leases);
    }

    public static LeaseView read(LeaseSource source) {
        try {
            return new LeaseView(source.leases(), Optional.empty());
        } catch (LeaseSource.LeaseReadException e) {
            return new LeaseView(List.of(), Optional.of(e));
        } catch (RuntimeException e) {
            return new LeaseView(List.of(), Optional.of(new LeaseSource.LeaseReadException(
                    "could not read leases from etcd: " + e.getMessage(), Evidence.note(String.valueOf(e.getMessage())))));
        }
    }

    /** The lease of this subnet (host bits ignored: {@code 10.1.35.1/24} finds {@code 10.1.35.0/24}). */
    public Optional<Lease> forSubnet(Cidr subnet) {
        Cidr net = subnet.normalized();
        return leases.stream().filter(l -> Cidr.tryParseAddressOrCidr(l.subnet()).map(c -> c.normalized().equals(net)).orElse(false))
                .findFirst();
    }

    public List<Lease> withPublicIp(String ip) {
        return leases.stream().filter(l -> l.publicIp().equals(ip)).toList();
    }

    /** Evidence line listing every lease: {@code etcd leases: 10.1.35.0/24 → 192.168.57.11 (vxlan), ...}. */
    public Evidence evidence() {
        if (error.isPresent()) {
            return error.get().evidence();
        }
        String list = leases.isEmpty() ? "(none)" : leases.stream()
                .map(l -> l.subnet() + " → " + l.publicIp() + " (" + l.backendType() + ")")
                .collect(Collectors.joining(", "));
        return new Evidence("etcd leases", list);
    }
}
