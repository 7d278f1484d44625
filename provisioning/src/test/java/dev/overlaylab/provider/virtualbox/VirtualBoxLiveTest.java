package dev.overlaylab.provider.virtualbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.overlaylab.exec.ProcessRunner;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.progress.ProgressEvent;
import dev.overlaylab.provider.virtualbox.parse.VBoxLists;
import dev.overlaylab.testsupport.RealVirtualBox;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver against a real VirtualBox. See docs/virtualbox.md.
 * <ul>
 *   <li>by default against the CI chroot's VirtualBox 7.2 ({@link RealVirtualBox}; skipped locally
 *       without it, failed in CI); with {@code OLAB_VBOX_LIVE=1} against the VirtualBox installed on
 *       this machine instead: detects the driver and parses every read-only output of the host; with
 *       {@code OLAB_VBOX_RECORD=DIR} the raw outputs are saved under {@code DIR/<version>/} as new fixtures;</li>
 *   <li>with {@code OLAB_VBOX_LIVE=1} and {@code OLAB_VBOX_BOX=FILE.ova|VM-NAME} (a machine whose VMs can
 *       boot: VT-x and the kernel drivers): a one-node lab goes up (SSH banner), halt, snapshot
 *       save/restore, resume, down — and down is checked to leave nothing behind.</li>
 * </ul>
 */
@Tag("integration")
class VirtualBoxLiveTest {
    @TempDir
    Path tmp;

    private static boolean installedVirtualBox() {
        return "1".equals(System.getenv("OLAB_VBOX_LIVE"));
    }

    @Test
    void readsAndParsesThisHostsVirtualBox() {
        VBoxRecorder rec = new VBoxRecorder(new ProcessRunner());
        RealVirtualBox chroot = installedVirtualBox() ? null : RealVirtualBox.session();
        try {
            VBoxDriver d = chroot != null ? chroot.driver(rec)
                    : VBoxDrivers.detect(new VBoxManage(VBoxManageLocator.forThisMachine().require(), rec), HostOs.current());

            List<VBoxLists.VmRef> vms = d.listVms();
            d.listRunningVms();
            d.hostOnlyIfs();
            d.hostOnlyNets();
            d.bridgedIfs();
            VBoxLists.HostInfo info = d.hostInfo();
            vms.stream().findFirst().ifPresent(vm -> assertThat(d.vmInfo(vm.uuid())).hasValueSatisfying(i -> assertThat(i.name()).isEqualTo(vm.name())));

            assertThat(info.memorySizeMb()).isPositive();
            assertThat(info.processorCount()).isPositive();
            if (chroot != null) {
                return;   // the chroot's outputs are recorded by the RealVBox*ContractTest classes, with VMs in them
            }
            VBoxRecorder.save(d.version(), "version.txt", rec.last("--version").stdout());
            for (String list : List.of("vms", "runningvms", "hostonlyifs", "bridgedifs", "hostinfo")) {
                VBoxRecorder.save(d.version(), "list-" + list + ".txt", rec.last("list", list).stdout());
            }
            if (d.usesHostOnlyNetworks()) {
                VBoxRecorder.save(d.version(), "list-hostonlynets.txt", rec.last("list", "hostonlynets").stdout());
            }
        } finally {
            if (chroot != null) {
                chroot.close();
            }
        }
    }

    @Test
    void oneNodeLabGoesUpHaltsSnapshotsResumesAndLeavesNothingBehind() {
        assumeTrue(installedVirtualBox(), "skipped: VMs must boot for this test (VT-x, kernel drivers); set OLAB_VBOX_LIVE=1"
                + " and OLAB_VBOX_BOX on such a machine");
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
}
