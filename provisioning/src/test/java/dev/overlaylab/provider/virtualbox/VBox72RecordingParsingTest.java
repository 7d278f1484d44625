package dev.overlaylab.provider.virtualbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.provider.virtualbox.parse.GuestProperties;
import dev.overlaylab.provider.virtualbox.parse.PortForward;
import dev.overlaylab.provider.virtualbox.parse.VBoxLists;
import dev.overlaylab.provider.virtualbox.parse.VmInfo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The parsers on what the real VirtualBox 7.2.22 printed (recorded by the RealVBox*ContractTest
 * classes, see src/test/resources/virtualbox/README.md), so they keep working without VirtualBox.
 */
class VBox72RecordingParsingTest {
    private static String rec(String file) {
        return Fixtures.read(Fixtures.V72, file);
    }

    @Test
    void poweredOffNodeWithTwoRulesAndHostOnly() {
        VmInfo vm = VmInfo.parse(rec("showvminfo-poweroff.txt"));

        assertThat(vm.state()).isEqualTo("poweroff");
        assertThat(vm.memoryMb()).isEqualTo(1024);
        assertThat(vm.cpus()).isEqualTo(1);
        assertThat(vm.cfgFile()).endsWith(".vbox");
        assertThat(vm.nics()).containsEntry(1, "nat").containsEntry(2, "hostonly").containsEntry(8, "none");
        assertThat(vm.hostOnlyAdapters()).isEqualTo(Map.of(2, "vboxnet0"));
        assertThat(vm.forwards()).containsExactly(new PortForward(1, "ssh", "tcp", "127.0.0.1", 2200, "", 22),
                new PortForward(1, "web", "tcp", "", 8080, "", 80));
        assertThat(vm.sshPort()).contains(2200);
    }

    @Test
    void snapshotsInTheRealNesting() {
        VmInfo vm = VmInfo.parse(rec("showvminfo-two-snapshots.txt"));

        assertThat(vm.snapshots()).containsExactly("after-provision", "flannel-vxlan");
        assertThat(vm.currentSnapshot()).contains("flannel-vxlan");
    }

    @Test
    void hostOnlyInterfaceWithoutAddressIsListedAsTheDefaultButDown() {
        assertThat(VBoxLists.hostOnlyIfs(rec("list-hostonlyifs-no-address.txt"))).containsExactly(
                new VBoxLists.HostOnlyIf("vboxnet0", "192.168.56.1", "255.255.255.0", "Down", false));
        assertThat(VBoxLists.hostOnlyIfs(rec("list-hostonlyifs.txt"))).containsExactly(
                new VBoxLists.HostOnlyIf("vboxnet0", "192.168.56.1", "255.255.255.0", "Up", false));
    }

    @Test
    void listsOfVmsHostAndInterfaces() {
        assertThat(VBoxLists.vms(rec("list-vms.txt"))).singleElement()
                .satisfies(v -> assertThat(v.name()).endsWith("-list vms (spaces)"));
        assertThat(VBoxLists.vms(rec("list-runningvms.txt"))).isEmpty();
        VBoxLists.HostInfo info = VBoxLists.hostInfo(rec("list-hostinfo.txt"));
        assertThat(info.memorySizeMb()).isEqualTo(24105);
        assertThat(info.memoryAvailableMb()).isPositive().isLessThan(24105);
        assertThat(info.processorCount()).isEqualTo(2);
        assertThat(info.operatingSystem()).isEqualTo("Linux");
        assertThat(VBoxLists.bridgedIfs(rec("list-bridgedifs.txt"))).filteredOn(b -> b.name().equals("enp3s0"))
                .extracting(VBoxLists.BridgedIf::ipAddress).containsExactly("192.168.1.23");
    }

    @Test
    void guestPropertiesInThe7LayoutWithPaddingAndQuotesInValues() {
        GuestProperties p = GuestProperties.parse(rec("guestproperty-enumerate.txt"));

        assertThat(p.ipv4(1)).contains("192.168.56.101");
        assertThat(p.get("/olab/note")).contains("it's a value with spaces");
    }

    @Test
    void versionPicksTheSevenTwoDriver() {
        assertThat(VBoxVersion.parse(rec("version.txt")).family()).isEqualTo("7.2");
    }

    @Test
    void realErrorsAreRecognised() {
        ExecResult missing = new ExecResult(List.of("VBoxManage", "showvminfo", "seeds-node9"), 1, "", rec("showvminfo-missing.stderr"));
        assertThat(new VBoxManageException(missing, (String) null).objectNotFound()).isTrue();
        assertThat(rec("controlvm-not-running.stderr")).isEqualTo("VBoxManage: error: Machine 'seeds-master' is not currently running.\n");
        assertThat(rec("list-hostonlynets-linux.stderr")).contains("Unknown subcommand \"hostonlynets\"");
    }
}
