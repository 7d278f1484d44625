package dev.overlaylab.model;

import dev.overlaylab.model.EtcdSettings.EtcdApi;
import dev.overlaylab.model.FlannelSettings.Backend;
import dev.overlaylab.model.FlannelSettings.BinarySource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads a lab file (YAML), fills in documented defaults and validates it. Either returns a complete,
 * valid {@link Lab} or throws {@link LabFileException} listing every problem with its field path
 * and, where the file has one, its line and column. The defaults are documented in docs/lab-file.md.
 */
public final class LabLoader {

    // Defaults (docs/lab-file.md is the reference; keep both in step).
    public static final String DEFAULT_NETWORK = "192.168.56.0/24";
    public static final String DEFAULT_FLANNEL_NETWORK = "10.1.0.0/16";
    public static final int DEFAULT_SUBNET_LEN = 24;
    public static final String DEFAULT_BACKEND = "vxlan";
    public static final String DEFAULT_PREFIX = "/coreos.com/network";
    public static final String DEFAULT_IMAGE = "olab/busybox";
    /** Used only when the profile is unknown (which is itself reported). */
    static final String FALLBACK_FLANNEL_VERSION = "0.28.9";
    /** Node n (0-based) gets host-only address .(101+n) unless it names one, as in the seeds. */
    static final int FIRST_NODE_HOST = 101;

    private static final Set<String> ROOT = YamlSection.fields("name", "provider", "profile", "network", "nodes", "etcd",
            "flannel", "docker", "verify", "kubernetes", "server", "templates");
    private static final Set<String> NETWORK = YamlSection.fields("cidr", "hostIp");
    private static final Set<String> NODE = YamlSection.fields("name", "ip", "role", "ssh");
    private static final Set<String> SSH = YamlSection.fields("host", "port", "user", "key", "sudo");
    private static final Set<String> ETCD = YamlSection.fields("members", "clientPort", "peerPort", "prefix", "api");
    private static final Set<String> FLANNEL = YamlSection.fields("version", "network", "subnetLen", "subnetMin", "subnetMax",
            "backend", "iface", "ipMasq", "binary");
    private static final Set<String> BINARY = YamlSection.fields("url", "sha256", "file");
    private static final Set<String> DOCKER = YamlSection.fields("mtu");
    /** password is known only to be refused with its own message: it never belongs in a lab file. */
    private static final Set<String> SERVER = YamlSection.fields("url", "user", "password");
    private static final Set<String> VERIFY = YamlSection.fields("pods", "http", "mtuProbe", "image");

    private LabLoader() {
    }

    public static Lab load(Path file) throws LabFileException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new LabFileException(List.of(Problem.at("(file)", "no such file: " + file)));
        } catch (IOException e) {
            throw new LabFileException(List.of(Problem.at("(file)", "cannot read " + file + ": " + e.getMessage())));
        }
        return parse(text, Optional.of(file));
    }

    public static Lab parse(String yaml, Optional<Path> source) throws LabFileException {
        return parse(yaml, source, vboxManageOnPath(), new Validator());
    }

    /** As {@link #parse(String, Optional)} with the environment spelled out (tests). */
    static Lab parse(String yaml, Optional<Path> source, boolean virtualBoxInstalled, Validator validator)
            throws LabFileException {
        YamlSection.Context ctx = new YamlSection.Context();
        org.snakeyaml.engine.v2.nodes.Node root;
        try {
            root = new Compose(LoadSettings.builder().setLabel(source.map(Path::toString).orElse("lab")).build())
                    .composeString(yaml).orElse(null);
        } catch (MarkedYamlEngineException e) {
            String what = e.getProblem() == null ? "malformed YAML" : e.getProblem();
            String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
            ctx.problem(YamlErrorPath.of(yaml), "malformed YAML: " + what + context, e.getProblemMark().or(e::getContextMark));
            throw new LabFileException(ctx.problems);
        } catch (YamlEngineException e) {
            throw new LabFileException(List.of(Problem.at("(yaml)", "malformed YAML: " + e.getMessage())));
        }
        if (isEmpty(root)) {
            // Not "all defaults": an empty file is a mistake (a save that failed, the wrong file), and a
            // two-node lab built from it would surprise; kubectl and docker compose refuse empty input too.
            throw new LabFileException(List.of(Problem.at("(file)", "the lab file is empty"
                    + source.map(p -> " (" + p + ")").orElse("")
                    + ": give it at least name: and provider:, or start from a copy of examples/two-node-local.yaml")));
        }
        Lab lab = build(YamlSection.of(root, "", ctx, ROOT), source, virtualBoxInstalled);
        List<Problem> problems = new ArrayList<>(ctx.problems);
        for (Problem p : validator.validate(lab)) {
            problems.add(ctx.locate(p));
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt((Problem p) -> p.line() == 0 ? Integer.MAX_VALUE : p.line())
                    .thenComparingInt(Problem::column));
            throw new LabFileException(problems);
        }
        return lab;
    }

    /** No document, or a document that is only an empty (null) value: blank lines, comments, a bare "---". */
    private static boolean isEmpty(org.snakeyaml.engine.v2.nodes.Node root) {
        return root == null || (root instanceof org.snakeyaml.engine.v2.nodes.ScalarNode scalar
                && scalar.getTag().equals(org.snakeyaml.engine.v2.nodes.Tag.NULL) && scalar.getValue().isEmpty());
    }

    private static Lab build(YamlSection root, Optional<Path> source, boolean virtualBoxInstalled) {
        String name = root.string("name").orElseGet(() -> defaultName(source));
        String provider = root.string("provider").orElse(virtualBoxInstalled ? "virtualbox" : "local");
        String profileName = root.string("profile").orElseGet(() -> defaultProfile(provider));
        Optional<Profile> profile = findProfile(profileName);

        YamlSection net = root.section("network", NETWORK);
        String cidr = net.string("cidr", DEFAULT_NETWORK);
        Optional<Cidr> hostNet = Cidr.tryParse(cidr);
        String hostIp = net.string("hostIp").orElseGet(() -> hostNet.map(c -> Cidr.formatAddress(c.nthAddress(1))).orElse(""));
        HostNetwork network = new HostNetwork(cidr, hostIp);

        String defaultUser = profile.map(Profile::user).orElse("root");
        List<Node> nodes = new ArrayList<>();
        if (root.has("nodes")) {
            List<org.snakeyaml.engine.v2.nodes.Node> items = root.list("nodes");
            for (int i = 0; i < items.size(); i++) {
                YamlSection n = YamlSection.of(items.get(i), "nodes[" + i + "]", root.context(), NODE);
                nodes.add(node(n, i, hostNet, provider, defaultUser, source));
            }
        } else {
            for (int i = 0; i < 2; i++) {
                YamlSection none = YamlSection.of(null, "nodes[" + i + "]", root.context(), NODE);
                nodes.add(node(none, i, hostNet, provider, defaultUser, source));
            }
        }

        YamlSection e = root.section("etcd", ETCD);
        EtcdSettings etcd = new EtcdSettings(e.integer("members", 1), e.integer("clientPort", 2379),
                e.integer("peerPort", 2380), e.string("prefix", DEFAULT_PREFIX), etcdApi(e));

        String flannelVersion = profile.map(Profile::flannelVersion).orElse(FALLBACK_FLANNEL_VERSION);
        FlannelSettings flannel = flannel(root, flannelVersion, source);

        YamlSection d = root.section("docker", DOCKER);
        DockerSettings docker = new DockerSettings(dockerMtu(d));

        YamlSection v = root.section("verify", VERIFY);
        VerifySettings verify = new VerifySettings(v.bool("pods", true), v.bool("http", true),
                v.bool("mtuProbe", true), v.string("image", DEFAULT_IMAGE));

        Optional<KubernetesSettings> kubernetes = KubernetesSection.read(root);

        // relative to the lab file's folder, like flannel.binary.file: the lab and its templates travel together
        Optional<Path> templates = root.string("templates").map(t -> Path.of(resolve(t, source)));
        return new Lab(name, provider, profileName, network, nodes, etcd, flannel, docker, verify, kubernetes,
                source.map(Path::toAbsolutePath), server(root), templates);
    }

    /** {@code server:} of a virtualbox-ws lab (the validator says when it is missing or misplaced). */
    private static Optional<VBoxWebServer> server(YamlSection root) {
        if (!root.has("server")) {
            return Optional.empty();
        }
        YamlSection s = root.section("server", SERVER);
        if (s.has("password")) {
            s.context().problem("server.password", "a password never goes into a lab file (it is read by anyone who can"
                    + " read the file, and ends up in version control); remove it: olab asks for it, or reads"
                    + " OLAB_VBOXWS_PASSWORD or your keyring", Optional.ofNullable(s.context().marks.get("server.password")));
        }
        return Optional.of(new VBoxWebServer(s.string("url", ""), s.string("user", "")));
    }

    private static Node node(YamlSection n, int index, Optional<Cidr> hostNet, String provider, String defaultUser,
            Optional<Path> source) {
        String name = n.string("name").orElse(index == 0 ? "master" : "node" + index);
        String ip = n.string("ip").orElseGet(() -> hostNet
                .filter(c -> FIRST_NODE_HOST + index < c.size() - 1)
                .map(c -> Cidr.formatAddress(c.nthAddress(FIRST_NODE_HOST + index))).orElse(""));
        Node.Role role = n.string("role").map(r -> role(n, r)).orElse(index == 0 ? Node.Role.MASTER : Node.Role.WORKER);
        YamlSection s = n.section("ssh", SSH);
        if (!"hosts".equals(provider) && n.has("ssh")) {
            n.context().problem(YamlSection.join(n.path(), "ssh"), "only the hosts provider takes ssh settings; the "
                    + provider + " provider sets them itself", Optional.ofNullable(n.context().marks.get(n.path() + ".ssh")));
        }
        String user = s.string("user", defaultUser);
        SshEndpoint ssh = new SshEndpoint(s.string("host", ip), s.integer("port", 22), user,
                s.string("key").map(k -> resolve(k, source)), s.bool("sudo", !"root".equals(user)));
        return new Node(name, ip, role, ssh);
    }

    private static Node.Role role(YamlSection n, String text) {
        for (Node.Role r : Node.Role.values()) {
            if (r.yamlName().equals(text)) {
                return r;
            }
        }
        n.context().problem(n.path() + ".role", "'" + text + "' is not a role; use master or worker",
                Optional.ofNullable(n.context().marks.get(n.path() + ".role")));
        return Node.Role.WORKER;
    }

    private static EtcdApi etcdApi(YamlSection e) {
        String text = e.string("api", "auto");
        try {
            return EtcdApi.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            e.context().problem("etcd.api", "'" + text + "' is not an etcd API; use auto, v2 or v3",
                    Optional.ofNullable(e.context().marks.get("etcd.api")));
            return EtcdApi.AUTO;
        }
    }

    private static FlannelSettings flannel(YamlSection root, String defaultVersion, Optional<Path> source) {
        YamlSection f = root.section("flannel", FLANNEL);
        String version = f.string("version", defaultVersion);
        if (version.startsWith("v")) {
            version = version.substring(1);
        }
        Backend backend;
        if (f.isScalar("backend")) {
            backend = new Backend(f.string("backend").get(), Map.of());       // shorthand: backend: vxlan
        } else {
            YamlSection b = f.section("backend", null);
            Map<String, Object> options = new LinkedHashMap<>();
            for (String key : b.keys()) {
                if (!key.equals("type")) {
                    b.scalar(key).ifPresent(value -> options.put(key, value));
                }
            }
            backend = new Backend(b.string("type", DEFAULT_BACKEND), options);
        }
        YamlSection bin = f.section("binary", BINARY);
        Optional<String> file = bin.string("file").map(p -> resolve(p, source));
        Optional<String> url = bin.string("url");
        if (url.isEmpty() && file.isEmpty()) {
            url = Optional.of(releaseUrl(version));
        }
        return new FlannelSettings(version, f.string("network", DEFAULT_FLANNEL_NETWORK),
                f.integer("subnetLen", DEFAULT_SUBNET_LEN), f.string("subnetMin"), f.string("subnetMax"), backend,
                f.string("iface"), f.bool("ipMasq", false), new BinarySource(url, bin.string("sha256"), file));
    }

    /** The flanneld binary of a flannel release on GitHub (linux/amd64). */
    public static String releaseUrl(String version) {
        return "https://github.com/flannel-io/flannel/releases/download/v" + version + "/flanneld-amd64";
    }

    private static OptionalInt dockerMtu(YamlSection d) {
        Optional<String> text = d.string("mtu");
        if (text.isEmpty() || text.get().equals("flannel")) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(text.get()));
        } catch (NumberFormatException e) {
            d.context().problem("docker.mtu", "'" + text.get() + "' is neither flannel nor a number",
                    Optional.ofNullable(d.context().marks.get("docker.mtu")));
            return OptionalInt.empty();
        }
    }

    static String defaultProfile(String provider) {
        return "local".equals(provider) ? "debian-12-nspawn" : "ubuntu-22.04";
    }

    private static String defaultName(Optional<Path> source) {
        return source.map(p -> p.getFileName().toString().replaceFirst("\\.ya?ml$", "")).orElse("lab");
    }

    private static Optional<Profile> findProfile(String name) {
        try {
            return Profiles.find(name);
        } catch (RuntimeException e) {
            return Optional.empty();   // the validator reports the broken profile with its reason
        }
    }

    private static String resolve(String path, Optional<Path> source) {
        Path p = Path.of(path.startsWith("~/") ? System.getProperty("user.home") + path.substring(1) : path);
        if (p.isAbsolute() || source.isEmpty()) {
            return p.toString();
        }
        Path dir = source.get().toAbsolutePath().getParent();
        return dir.resolve(p).normalize().toString();
    }

    /** Whether VirtualBox's command line is installed, judged from PATH alone (nothing is run). */
    static boolean vboxManageOnPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "VBoxManage"))) {
                return true;
            }
        }
        return false;
    }
}
