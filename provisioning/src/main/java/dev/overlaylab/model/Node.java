package dev.overlaylab.model;

/**
 * One machine of the lab.
 *
 * @param name  host name, also the folder name in rendered output
 * @param ip    static address on the host-only network
 * @param role  {@link Role#MASTER} for the first node (etcd), {@link Role#WORKER} otherwise
 * @param ssh   how to reach it over SSH; for the {@code hosts} provider given in the lab file,
 *              for other providers filled in by the provider
 */
public record Node(String name, String ip, Role role, SshEndpoint ssh) {

    public enum Role {
        MASTER, WORKER;

        public String yamlName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
