package dev.overlaylab.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.app.AppContext;
import dev.overlaylab.app.AppPrefs;
import dev.overlaylab.app.engine.CheckResult;
import dev.overlaylab.app.engine.Finding;
import dev.overlaylab.app.engine.VerifyOutcome;
import dev.overlaylab.app.topology.Scene;
import dev.overlaylab.app.topology.TopologyInput;
import dev.overlaylab.app.topology.TopologyPanel;
import dev.overlaylab.app.verify.VerifyPanel;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.LabLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.swing.JTabbedPane;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A lab with Kubernetes in the lab window's Verify and Topology tabs: the Kubernetes rows appear in the matrix
 * under their names (seed 004's failed ClusterIP cell red, with its finding), and the topology draws the
 * service network. The matrix cells are hand-written in the shape the engine's Kubernetes rows produce
 * ({@code KubeRowsTest} pins that shape), not recorded from a real lab.
 */
@Tag("gui")
class KubernetesViewsGuiTest {
    @RegisterExtension
    final AppOnScreen app = new AppOnScreen("k8sviews", Path.of("target", "screenshots", "kubernetes"));
    private final GuiDriver gui = app.gui();
    private VerifyPanel verify;
    private TopologyPanel topology;
    private JTabbedPane tabs;

    private static Lab lab() throws Exception {
        return LabLoader.parse("""
                name: k8v-views
                provider: local
                profile: debian-12-nspawn
                network: {cidr: 192.168.84.0/24}
                nodes:
                  - {name: master, ip: 192.168.84.11}
                  - {name: node1, ip: 192.168.84.12}
                flannel: {network: 10.84.0.0/16}
                kubernetes: {serviceCidr: 10.96.0.0/12}
                """, Optional.empty());
    }

    private static VerifyOutcome seed004OnNode1() {
        List<CheckResult> c = new ArrayList<>();
        for (String n : List.of("master", "node1")) {
            c.add(new CheckResult("flanneld-active", n, Optional.empty(), true, "flanneld is active"));
            if (n.equals("master")) {
                c.add(new CheckResult("kube-apiserver-active", n, Optional.empty(), true, "kube-apiserver is active"));
            }
            c.add(new CheckResult("kubelet-active", n, Optional.empty(), true, "kubelet is active"));
            c.add(new CheckResult("kube-proxy-active", n, Optional.empty(), true, "kube-proxy is active"));
            c.add(new CheckResult("k8s-node-ready", n, Optional.empty(), true, "node " + n + " is Ready"));
            c.add(new CheckResult("k8s-pod", n, Optional.empty(), true, "pod 10.84." + (n.equals("master") ? 7 : 9)
                    + ".130 inside " + n + "'s flannel subnet"));
            boolean broken = n.equals("node1");
            c.add(new CheckResult("k8s-clusterip", n, Optional.empty(), !broken, broken
                    ? "curl http://10.96.44.5:80/ from node1: 4 of 8 answered (node1 ×4); 4 failed: curl: (28) Connection timed out"
                    : "curl http://10.96.44.5:80/ from master: 8 of 8 answered (master ×3, node1 ×5)"));
            c.add(new CheckResult("k8s-nodeport", n, Optional.empty(), true, "NodePort 31080 answered on every node"));
            c.add(new CheckResult("k8s-apiserver-service", n, Optional.empty(), !broken, "https://10.96.0.1:443/livez"));
        }
        c.add(new CheckResult("pod-ping", "master", Optional.of("node1"), true, "2/2"));
        c.add(new CheckResult("pod-ping", "node1", Optional.of("master"), true, "2/2"));
        c.add(new CheckResult("k8s-pod-http", "master", Optional.of("node1"), true, "olab-k8s node1"));
        c.add(new CheckResult("k8s-pod-http", "node1", Optional.of("master"), true, "olab-k8s master"));
        return new VerifyOutcome(c, List.of(new Finding("[clusterip-unreachable] ClusterIPs answer node1 only from its own pods: node1"
                + " sends Service traffic from its NAT address (the service CIDR 10.96.0.0/12 follows the default route) and kube-proxy,"
                + " without clusterCIDR, does not masquerade it, so pods on other nodes answer an address that is their own (seed 004)",
                "node1 $ ip -o route get 10.96.0.1 → 10.96.0.1 via 10.0.2.2 dev nat0 src 10.0.2.15   ← source 10.0.2.15 on nat0",
                "clusterCIDR: 10.84.0.0/16 in kube-proxy's configuration, then restart kube-proxy (olab up writes it so)")));
    }

    private void open() throws Exception {
        Lab lab = lab();
        AppContext ctx = app.context(new LabServiceDouble() { });
        app.show("kubernetes", 1280, 1000, AppPrefs.Theme.LIGHT, () -> {
            verify = new VerifyPanel(ctx, lab);
            verify.setOnDiagnose(() -> { }); // as LabWindow wires it
            topology = new TopologyPanel(ctx, TopologyInput.of(lab));
            tabs = new JTabbedPane();
            tabs.setName("kubernetes");
            tabs.addTab("Verify", verify);
            tabs.addTab("Topology", topology);
            return tabs;
        });
    }

    @Test
    void theKubernetesRowsAreInTheMatrixByNameAndTheTopologyDrawsTheServiceNetwork() throws Exception {
        open();
        GuiDriver.onEdt(() -> {
            verify.showOutcome(seed004OnNode1());
            return null;
        });
        List<String> rows = GuiDriver.onEdt(() -> {
            List<String> out = new ArrayList<>();
            for (int r = 0; r < verify.nodes().getRowCount(); r++) {
                out.add((String) verify.nodes().getValueAt(r, 0));
            }
            return out;
        });
        assertThat(rows).contains("kube-apiserver active", "kubelet active", "kube-proxy active", "Node Ready", "Pod in flannel subnet",
                "ClusterIP from node", "NodePort from node", "kubernetes Service");
        assertThat(GuiDriver.onEdt(() -> verify.nodes().failedCount())).isEqualTo(2);
        assertThat(GuiDriver.onEdt(() -> verify.pairs().getColumnName(2))).isEqualTo("K8s pod HTTP");
        gui.screenshot("kubernetes", "verify-kubernetes-seed004");

        GuiDriver.onEdt(() -> {
            tabs.setSelectedComponent(topology);
            return null;
        });
        Scene s = GuiDriver.onEdt(() -> topology.view().scene());
        List<String> texts = s.all(Scene.Text.class).stream().map(Scene.Text::text).toList();
        assertThat(texts).anyMatch(t -> t.startsWith("services 10.96.0.0/12"));
        assertThat(texts).filteredOn("kube-proxy"::equals).hasSize(2);
        Scene.Box band = s.all(Scene.Box.class).stream().filter(b -> b.fill().equals("service.fill")).findFirst().orElseThrow();
        Scene.Box overlay = s.all(Scene.Box.class).stream().filter(b -> b.fill().equals("overlay.fill")).findFirst().orElseThrow();
        assertThat(band.y() + band.h()).isLessThan(overlay.y());
        gui.screenshot("kubernetes", "topology-kubernetes");
    }
}
