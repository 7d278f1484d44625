package dev.overlaylab.app.wizard;

import dev.overlaylab.model.Cidr;
import dev.overlaylab.model.Profile;
import dev.overlaylab.model.Profiles;
import dev.overlaylab.model.SshEndpoint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the person has typed into the wizard so far. Mutable, touched only on the event thread;
 * {@link LabYamlWriter} turns a snapshot of it into lab-file text, which the engine validates.
 */
public final class WizardDraft {

    /** One node row of the nodes step. */
    public record NodeRow(String name, String ip) {
    }

    /**
     * One node's SSH settings ({@code hosts} provider only), kept by node position apart from
     * {@link NodeRow} so that they survive renumbering and count changes. A blank host or user is the
     * lab file's default (the node's address; the profile's user); {@code sudo} null is its default
     * (on unless the user is root); a blank key is the lab's own key.
     */
    public record NodeSsh(String host, int port, String user, String key, Boolean sudo) {
        public static final NodeSsh DEFAULT = new NodeSsh("", 22, "", "", null);
    }

    public static final String DEFAULT_HOST_CIDR = "192.168.56.0/24";
    public static final int FIRST_NODE_HOST = 101;

    public String name = "flannel-lab";
    public String provider = "local";
    public String profile = "debian-12";
    public String hostCidr = DEFAULT_HOST_CIDR;
    public final List<NodeRow> nodes = new ArrayList<>();
    /** Per node, in the order of {@link #nodes} and always as many: its SSH settings (hosts). */
    public final List<NodeSsh> ssh = new ArrayList<>();
    public String flannelNetwork = "10.1.0.0/16";
    public int subnetLen = 24;
    public BackendChoice backend = BackendChoice.VXLAN;
    public int vni = 1;
    public int port = BackendChoice.VXLAN.defaultPort();
    /** flanneld {@code --ip-masq}; off by default, as in the seeds. */
    public boolean ipMasq;
    /** A local flanneld binary to copy (offline labs); empty: download the release. */
    public Optional<String> flannelBinaryFile = Optional.empty();
    public OptionalInt dockerMtu = OptionalInt.empty();
    /** The versions the wizard offers (the one {@code olab setup} builds); another can be written in the lab file. */
    public static final List<String> KUBERNETES_VERSIONS = List.of("v1.37.2");
    /** The lab file's optional {@code kubernetes:} section; off: the lab is the plain flannel lab. */
    public boolean kubernetes;
    public String kubernetesVersion = KUBERNETES_VERSIONS.get(0);
    public String serviceCidr = "10.96.0.0/12";
    /** The seeds' setup: the master is a node like the others and runs pods. */
    public boolean masterRunsWorkloads = true;
    public Optional<Path> savedAs = Optional.empty();
    /** virtualbox-ws: the web service's URL and user (the password is asked when provisioning, never stored). */
    public String serverUrl = "http://127.0.0.1:18083/";
    public String serverUser = "";

    public WizardDraft() {
        prefillNodes(2);
    }

    /** The host's own address on the host-only network: {@code .1} of its CIDR. */
    public String hostIp() {
        return hostAt(hostCidr, 1);
    }

    /**
     * Makes {@code count} node rows: rows that exist keep their name and address (the person may
     * have edited them); new rows are named like the seeds ({@code master}, {@code node1}, ...) at
     * {@code .101}, {@code .102}, ... of the host-only network.
     */
    public void prefillNodes(int count) {
        List<NodeRow> old = new ArrayList<>(nodes);
        nodes.clear();
        for (int i = 0; i < count; i++) {
            nodes.add(i < old.size() ? old.get(i) : new NodeRow(i == 0 ? "master" : "node" + i, defaultIp(i)));
        }
        while (ssh.size() > count) {
            ssh.remove(ssh.size() - 1);
        }
        while (ssh.size() < count) {
            ssh.add(NodeSsh.DEFAULT);
        }
    }

    /** The login user when none is typed: the profile's, as the lab file defaults it ({@code root} for an unknown profile). */
    public String profileUser() {
        return Profiles.find(profile).map(Profile::user).orElse("root");
    }

    /** Node {@code i}'s SSH endpoint as the lab file will have it, the defaults filled in. */
    public SshEndpoint endpoint(int i) {
        NodeSsh s = i < ssh.size() ? ssh.get(i) : NodeSsh.DEFAULT;
        String host = s.host().isBlank() ? nodes.get(i).ip() : s.host();
        String user = s.user().isBlank() ? profileUser() : s.user();
        boolean sudo = s.sudo() == null ? !"root".equals(user) : s.sudo();
        return new SshEndpoint(host, s.port(), user, s.key().isBlank() ? Optional.empty() : Optional.of(s.key()), sudo);
    }

    /** Re-numbers node addresses after the host-only network changed, keeping names. */
    public void renumberNodes() {
        for (int i = 0; i < nodes.size(); i++) {
            nodes.set(i, new NodeRow(nodes.get(i).name(), defaultIp(i)));
        }
    }

    private String defaultIp(int i) {
        return hostAt(hostCidr, FIRST_NODE_HOST + i);
    }

    public void setBackend(BackendChoice choice) {
        if (choice != backend) {
            backend = choice;
            port = choice.defaultPort();
        }
    }

    /** The {@code n}-th host of {@code cidr}, or empty while the person is still typing a CIDR that does not parse or has no such host. */
    private static String hostAt(String cidr, int n) {
        return Cidr.tryParse(cidr).filter(c -> c.prefix() <= 30 && n >= 1 && n <= c.size() - 2)
                .map(c -> Cidr.formatAddress(c.nthHost(n))).orElse("");
    }
}
