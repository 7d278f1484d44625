package dev.overlaylab.engine;

import dev.overlaylab.engine.Pipelines.Component;
import dev.overlaylab.etcd.EtcdPort;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.render.RenderedFile;
import dev.overlaylab.render.RenderedLab;
import dev.overlaylab.ssh.NodeShell;
import dev.overlaylab.ssh.NodeShellFactory;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What differs between a running lab and its lab file now: each node's rendered files (compared
 * byte for byte by {@link LabInspector}) and the flannel network config in etcd (compared as parsed
 * JSON, so key order and spacing are no change). It backs {@code olab diff}, {@code olab apply}
 * without {@code --only} (push what differs) and the app's Regenerate view.
 *
 * <p>A network config that cannot be read is an error, never "changed": pushing after a failed read
 * could replace a config nobody has seen.
 */
public final class LabChanges {
    private final NodeShellFactory shells;
    private final EtcdPort.Factory etcd;

    public LabChanges(NodeShellFactory shells, EtcdPort.Factory etcd) {
        this.shells = shells;
        this.etcd = etcd;
    }

    /** The network config in etcd against the rendered one; {@code live} empty when etcd has none. */
    public record ConfigDiff(String key, Optional<String> live, String rendered, String diff) {
    }

    /** Every file and the network config, as they differ (or not) right now. */
    public record Changes(List<LabInspector.FileDiff> files, Optional<ConfigDiff> config, RenderedLab rendered) {
        public Changes {
            files = List.copyOf(files);
        }

        public List<LabInspector.FileDiff> differing() {
            return files.stream().filter(LabInspector.FileDiff::differs).toList();
        }

        public boolean any() {
            return config.isPresent() || !differing().isEmpty();
        }

        /** A base (network) or Kubernetes file changed: only the whole, idempotent {@code up} applies it. */
        public boolean needsWholeUp() {
            return differing().stream().anyMatch(d -> component(d).equals("network") || component(d).startsWith("kube-"));
        }

        /** The components to push, in stage order; a changed network config is flannel's. */
        public Set<Component> components() {
            EnumSet<Component> out = EnumSet.noneOf(Component.class);
            for (LabInspector.FileDiff d : differing()) {
                String c = component(d);
                if (!c.equals("network") && !c.startsWith("kube-")) {
                    out.add(Component.parse(c));
                }
            }
            config.ifPresent(c -> out.add(Component.FLANNEL));
            return out;
        }

        private String component(LabInspector.FileDiff d) {
            return rendered.filesOf(d.node()).stream().filter(f -> f.path().equals(d.path())).findFirst()
                    .map(RenderedFile::component).orElse("network");
        }
    }

    /** Reads every node's files and the network config (through the first endpoint, the master). */
    public Changes of(Lab lab, List<Node> endpoints, RenderedLab rendered) {
        return new Changes(new LabInspector(shells).diff(lab, endpoints, rendered), networkConfig(lab, endpoints, rendered), rendered);
    }

    /**
     * The network config's difference, empty when etcd holds the same JSON. Throws when etcd cannot
     * be read (the port's error names the endpoint and etcd's answer).
     */
    public Optional<ConfigDiff> networkConfig(Lab lab, List<Node> endpoints, RenderedLab rendered) {
        String key = lab.etcd().configKey();
        String want = rendered.networkConfigJson();
        Optional<String> live;
        try (NodeShell master = shells.open(lab, endpoints.get(0)); EtcdPort port = etcd.open(lab, master)) {
            live = port.readConfig();
        }
        if (live.isPresent() && EtcdPort.sameConfig(live.get(), want)) {
            return Optional.empty();
        }
        String diff = UnifiedDiff.diff(live.isPresent() ? "etcd:" + key : "/dev/null", live.map(LabChanges::lines).orElse(""),
                "rendered:" + key, lines(want));
        return Optional.of(new ConfigDiff(key, live, want, diff));
    }

    /** One JSON value as text ending in a newline, so the diff has whole lines. */
    private static String lines(String json) {
        return json.endsWith("\n") ? json : json + "\n";
    }
}
