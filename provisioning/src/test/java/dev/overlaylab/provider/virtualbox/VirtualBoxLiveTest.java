package dev.overlaylab.provider.virtualbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.exec.ExecRunner;
import dev.overlaylab.exec.ProcessRunner;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.progress.ProgressEvent;
import dev.overlaylab.provider.virtualbox.parse.VBoxLists;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opt-in test against a real VirtualBox. Skipped unless {@code OLAB_VBOX_LIVE=1} (CI machines have no
 * VirtualBox, so {@code OLAB_REQUIRE_INTEGRATION} does not force it). See docs/virtualbox.md.
 * <ul>
 *   <li>always (when enabled): detects the driver and parses every read-only output of this host;
 *       with {@code OLAB_VBOX_RECORD=DIR} the raw outputs are saved under {@code DIR/<version>/} as new fixtures;</li>
 *   <li>with {@code OLAB_VBOX_BOX=FILE.ova|VM-NAME}: a one-node lab goes up (SSH banner), halt, snapshot
 *       save/restore, resume, down — and down is checked to leave nothing behind.</li>
 * </ul>
 */
@Tag("integration")
class VirtualBoxLiveTest {
    @TempDir
    Path tmp;

    private static void requireLive() {
        assumeTrue("1".equals(System.getenv("OLAB_VBOX_LIVE")),
                "skipped: set OLAB_VBOX_LIVE=1 on a machine with VirtualBox to run the live VirtualBox test");
    }

    @Test
    void readsAndParsesThisHostsVirtualBox() throws IOException {
        requireLive();
        Path vboxManage = VBoxManageLocator.forThisMachine().require();
        Recorder rec = new Recorder(new ProcessRunner());
        VBoxDriver d = VBoxDrivers.detect(new VBoxManage(vboxManage, rec), HostOs.current());

        List<VBoxLists.VmRef> vms = d.listVms();
        d.listRunningVms();
        d.hostOnlyIfs();
        d.hostOnlyNets();
        d.bridgedIfs();
        VBoxLists.HostInfo info = d.hostInfo();
        vms.stream().findFirst().ifPresent(vm -> assertThat(d.vmInfo(vm.uuid())).hasValueSatisfying(i -> assertThat(i.name()).isEqualTo(vm.name())));

        assertThat(info.memorySizeMb()).isPositive();
        assertThat(info.processorCount()).isPositive();
        String record = System.getenv("OLAB_VBOX_RECORD");
        if (record != null && !record.isBlank()) {
            Path dir = Files.createDirectories(Path.of(record).resolve(d.version().toString()));
            for (Map.Entry<String, String> e : rec.outputs().entrySet()) {
                Files.writeString(dir.resolve(e.getKey()), e.getValue());
            }
        }
    }

    @Test
    void oneNodeLabGoesUpHaltsSnapshotsResumesAndLeavesNothingBehind() {
        requireLive();
        String box = System.getenv("OLAB_VBOX_BOX");
        assumeTrue(box != null && !box.isBlank(), "skipped: set OLAB_VBOX_BOX to an .ova file or a VM name for the lifecycle test");
        String cidr = Optional.ofNullable(System.getenv("OLAB_VBOX_NET")).orElse("192.168.56.0/24");
        Lab two = TestLabs.seeds(cidr, Optional.empty());
        Lab lab = new Lab("olab-live-" + UUID.randomUUID().toString().substring(0, 6), two.provider(), two.profile(), two.network(),
                List.of(two.nodes().get(0)), two.etcd(), two.flannel(), two.docker(), two.verify(), Optional.empty());
        VirtualBoxSettings settings = VirtualBoxSettings.defaults().withStateDir(tmp.resolve("state"))
                .withTimeouts(Duration.ofSeconds(300), Duration.ofSeconds(90));
        VirtualBoxContext ctx = new VirtualBoxContext(settings, new ProcessRunner(), VBoxManageLocator.forThisMachine(), HostOs.current(),
                name -> TestLabs.xenial(box), GuestLogin.NOT_WIRED, PortPicker.probingLoopback(),
                SshBannerWait.real(), d -> Thread.sleep(d.toMillis()));
        VirtualBoxProvider p = new VirtualBoxProvider(ctx);
        List<ProgressEvent> events = Collections.synchronizedList(new ArrayList<>());
        List<String> hostOnlyBefore = p.driver().hostOnlyIfs().stream().map(VBoxLists.HostOnlyIf::name).toList();
        try {
            List<Node> nodes = p.up(lab, events::add);
            assertThat(nodes.get(0).ssh().host()).isEqualTo("127.0.0.1");
            VirtualBoxLifecycle life = p.lifecycle(lab);
            life.halt(events::add);
            life.snapshotSave("after-provision", events::add);
            life.snapshotRestore("after-provision", events::add);
            assertThat(p.resume(lab, events::add)).hasSize(1);
        } finally {
            p.down(lab, events::add);
        }
        assertThat(p.driver().listVms()).noneMatch(v -> v.name().startsWith(lab.name() + "-"));
        assertThat(p.driver().hostOnlyIfs().stream().map(VBoxLists.HostOnlyIf::name).toList())
                .containsExactlyInAnyOrderElementsOf(hostOnlyBefore);
    }

    /** Passes calls through and keeps each read-only output under a fixture file name. */
    private static final class Recorder implements ExecRunner {
        private final ExecRunner real;
        private final Map<String, String> outputs = new java.util.LinkedHashMap<>();

        Recorder(ExecRunner real) {
            this.real = real;
        }

        Map<String, String> outputs() {
            return outputs;
        }

        @Override
        public ExecResult run(List<String> argv, Map<String, String> extraEnv, Duration timeout) {
            ExecResult r = real.run(argv, extraEnv, timeout);
            List<String> a = argv.subList(1, argv.size());
            String name = a.get(0).equals("--version") ? "version.txt"
                    : a.get(0).equals("list") ? "list-" + a.get(1) + ".txt"
                    : a.get(0).equals("showvminfo") ? "showvminfo-recorded.txt" : null;
            if (name != null && r.ok()) {
                outputs.put(name, r.stdout());
            }
            return r;
        }
    }
}
