package dev.overlaylab.provider.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.exec.ExecRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalProviderPlanTest {
    @TempDir
    Path tmp;

    /** Records argv; answers every command as failed so nothing could have been "done". */
    static final class RecordingRunner implements ExecRunner {
        final List<List<String>> ran = new ArrayList<>();

        @Override
        public ExecResult run(List<String> argv, Map<String, String> env, Duration timeout) {
            ran.add(argv);
            return new ExecResult(argv, 1, "", "not run in this test");
        }
    }

    @Test
    void planNamesEveryNodeBootWithBothNicsAndTouchesNothing() {
        RecordingRunner runner = new RecordingRunner();
        LocalProvider p = new LocalProvider(runner, tmp.resolve("state"), tmp.resolve("cache"), RootfsSpec.DEFAULT,
                name -> { throw new AssertionError("plan must not make keys"); });
        List<String> plan = p.plan(TestLabs.lab("plan-lab", "192.168.60.0/24", 2));

        LocalNames n = new LocalNames("plan-lab", tmp.resolve("state"));
        assertThat(plan.get(0)).startsWith("debootstrap --variant=minbase --include=systemd,");
        assertThat(String.join("\n", plan))
                .contains("ip addr add 192.168.60.1/24 dev " + n.bridge())
                .contains("--network-veth-extra=" + n.hostOnlyVeth(0) + ":host0")
                .contains("--network-veth-extra=" + n.natVeth(1) + ":nat0")
                .contains("-M ol-plan-lab-worker1 -b")
                .contains("SYSTEMD_NSPAWN_UNIFIED_HIERARCHY=1 SYSTEMD_NSPAWN_LOCK=0")
                .contains("192.168.60.10:22, 192.168.60.11:22");
        assertThat(runner.ran).isEmpty();
    }

    @Test
    void nodeNetworkFilesGiveStaticHostOnlyAddressAndTheSameNatAddressEverywhere() throws Exception {
        // the host-only address comes from the base stage's own template: one file for host0, which the base stage
        // then finds unchanged (before, the provider wrote a second one, 10-host0.network, and networkd restarted)
        var lab = TestLabs.lab("plan-lab", "192.168.60.0/24", 2);
        var file = dev.overlaylab.render.Renderer.forLab(lab).hostOnlyAddress(lab, dev.overlaylab.model.Profiles.of(lab),
                lab.nodes().get(1));
        assertThat(file.path()).isEqualTo("/etc/systemd/network/10-olab-host0.network");
        assertThat(file.content()).contains("Name=host0").contains("Address=" + lab.nodes().get(1).ip() + "/24").doesNotContain("Gateway");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(file.permissions())).isEqualTo("rw-r--r--");
        assertThat(NodeRoot.natNetwork()).contains("Name=nat0").contains("Address=10.0.2.15/24").contains("Gateway=10.0.2.2");
    }

    @Test
    void rootfsKeyChangesWithThePackageListOnly() {
        RootfsSpec other = new RootfsSpec("bookworm", "http://mirror.example/debian", RootfsSpec.DEFAULT.include(),
                RootfsSpec.DEFAULT.extra());
        RootfsSpec more = new RootfsSpec("bookworm", RootfsSpec.DEFAULT.mirror(), RootfsSpec.DEFAULT.include(),
                List.of("docker.io", "iptables", "busybox-static", "conntrack", "tcpdump"));
        assertThat(other.key()).isEqualTo(RootfsSpec.DEFAULT.key());
        assertThat(more.key()).isNotEqualTo(RootfsSpec.DEFAULT.key());
        assertThat(RootfsSpec.DEFAULT.key()).hasSize(12);
    }
}
