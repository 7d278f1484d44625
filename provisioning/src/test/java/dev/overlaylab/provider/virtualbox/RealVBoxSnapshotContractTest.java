package dev.overlaylab.provider.virtualbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.overlaylab.exec.ProcessRunner;
import dev.overlaylab.provider.virtualbox.parse.GuestProperties;
import dev.overlaylab.provider.virtualbox.parse.VmInfo;
import dev.overlaylab.testsupport.RealVirtualBox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Contract with the real VirtualBox 7.2 for what a stopped VM allows: snapshots taken, listed
 * (through {@code showvminfo}, as the provider reads them), restored and deleted; guest properties;
 * the real errors for a VM that is not running and for one that does not exist.
 */
@Tag("integration")
class RealVBoxSnapshotContractTest {
    private static RealVirtualBox vbox;
    private static VBoxRecorder rec;
    private static VBoxDriver d;
    private static String vm;

    @BeforeAll
    static void vm() {
        vbox = RealVirtualBox.session();
        rec = new VBoxRecorder(new ProcessRunner());
        d = vbox.driver(rec);
        vm = vbox.vmName("snap");
        vbox.createBaseVm(vm);
    }

    @AfterAll
    static void closeSession() {
        if (vbox == null) {
            return;
        }
        try {
            if (d.vmInfo(vm).isPresent()) {
                d.change(d.unregisterArgs(vm));
            }
        } finally {
            vbox.close();
        }
    }

    @Test
    void snapshotsAreTakenListedRestoredAndDeleted() {
        d.change(d.snapshotTakeArgs(vm, "after-provision"));
        assertThat(rec.last("snapshot", vm, "take").stderr()).contains("100%");   // progress on stderr
        d.change(d.snapshotTakeArgs(vm, "flannel-vxlan"));

        VmInfo two = d.vmInfo(vm).orElseThrow();
        assertThat(two.snapshots()).containsExactly("after-provision", "flannel-vxlan");
        assertThat(two.currentSnapshot()).contains("flannel-vxlan");
        VBoxRecorder.save(d.version(), "showvminfo-two-snapshots.txt", rec.last("showvminfo", vm).stdout());

        d.change(d.snapshotRestoreArgs(vm, "after-provision"));
        assertThat(rec.last("snapshot", vm, "restore").stdout()).contains("Restoring snapshot 'after-provision'");
        assertThat(d.vmInfo(vm).orElseThrow().currentSnapshot()).contains("after-provision");

        // the driver never deletes snapshots; the CLI lists them through showvminfo, which must follow a delete
        vbox.raw("snapshot", vm, "delete", "flannel-vxlan");
        vbox.raw("snapshot", vm, "delete", "after-provision");
        VmInfo none = d.vmInfo(vm).orElseThrow();
        assertThat(none.snapshots()).isEmpty();
        assertThat(none.currentSnapshot()).isEmpty();
    }

    @Test
    void guestPropertiesOfAStoppedVmAreReadInThe7Layout() {
        vbox.raw("guestproperty", "set", vm, "/VirtualBox/GuestInfo/Net/1/V4/IP", "192.168.56.101");
        vbox.raw("guestproperty", "set", vm, "/olab/note", "it's a value with spaces");

        GuestProperties p = d.guestProperties(vm);
        assertThat(p.ipv4(1)).contains("192.168.56.101");
        assertThat(p.get("/olab/note")).contains("it's a value with spaces");
        VBoxRecorder.save(d.version(), "guestproperty-enumerate.txt", rec.last("guestproperty", "enumerate").stdout());
    }

    @Test
    void poweringOffAStoppedVmFailsWithNotCurrentlyRunning() {
        assertThatThrownBy(() -> d.change(d.powerOffArgs(vm)))
                .isInstanceOfSatisfying(VBoxManageException.class, e -> {
                    assertThat(e.result().exitCode()).isEqualTo(1);
                    assertThat(e.stderr()).contains("Machine '" + vm + "' is not currently running.");
                    VBoxRecorder.save(d.version(), "controlvm-not-running.stderr", e.stderr().replace(vm, "seeds-master"));
                });
    }

    @Test
    void aVmThatDoesNotExistReadsAsAbsent() {
        String missing = vbox.vmName("never-made");
        assertThat(d.vmInfo(missing)).isEmpty();
        VBoxRecorder.save(d.version(), "showvminfo-missing.stderr",
                rec.last("showvminfo", missing).stderr().replace(missing, "seeds-node9"));
    }
}
