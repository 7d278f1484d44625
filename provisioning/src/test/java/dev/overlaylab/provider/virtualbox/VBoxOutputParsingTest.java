package dev.overlaylab.provider.virtualbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.provider.virtualbox.parse.GuestProperties;
import dev.overlaylab.provider.virtualbox.parse.PortForward;
import dev.overlaylab.provider.virtualbox.parse.VBoxLists;
import dev.overlaylab.provider.virtualbox.parse.VmInfo;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Parses the hand-written 6.1/7.0/7.1 outputs (see resources/virtualbox/README.md; the real 7.2 recordings
 * are parsed in {@link VBox72RecordingParsingTest}, and {@link FixtureLayoutTest} checks these against them).
 */
class VBoxOutputParsingTest {

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.V61, Fixtures.V70, Fixtures.V71})
    void runningVmInfoGivesStateNicsSshPortAndSnapshots(String version) {
        VmInfo vm = VmInfo.parse(Fixtures.read(version, "showvminfo-running.txt"));

        assertThat(vm.name()).isEqualTo("seeds-master");
        assertThat(vm.uuid()).isEqualTo("0f1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b");
        assertThat(vm.state()).isEqualTo("running");
        assertThat(vm.running()).isTrue();
        assertThat(vm.off()).isFalse();
        assertThat(vm.memoryMb()).isEqualTo(1024);
        assertThat(vm.cpus()).isEqualTo(1);
        assertThat(vm.cfgFile()).endsWith("seeds-master/seeds-master.vbox");
        assertThat(vm.nics()).containsEntry(1, "nat").containsEntry(2, "hostonly").containsEntry(3, "none");
        assertThat(vm.hostOnlyAdapters()).containsExactlyEntriesOf(java.util.Map.of(2, "vboxnet0"));
        assertThat(vm.forwards()).containsExactly(new PortForward(1, "ssh", "tcp", "127.0.0.1", 2222, "", 22));
        assertThat(vm.sshPort()).contains(2222);
        assertThat(vm.snapshots()).containsExactly("after-provision", "flannel-vxlan");
        assertThat(vm.currentSnapshot()).contains("flannel-vxlan");
    }

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.V61, Fixtures.V70, Fixtures.V71})
    void poweredOffVmWithTwoRulesKeepsBothAndPicksTheSshOne(String version) {
        VmInfo vm = VmInfo.parse(Fixtures.read(version, "showvminfo-poweroff.txt"));

        assertThat(vm.state()).isEqualTo("poweroff");
        assertThat(vm.off()).isTrue();
        assertThat(vm.forwards()).extracting(PortForward::hostPort).containsExactly(2200, 8080);
        assertThat(vm.forwards().get(1).hostIp()).isEmpty();
        assertThat(vm.sshPort()).contains(2200);
        assertThat(vm.snapshots()).isEmpty();
        assertThat(vm.currentSnapshot()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.V70, Fixtures.V71})
    void macOsVmOnAHostOnlyNetworkNamesTheNetwork(String version) {
        VmInfo vm = VmInfo.parse(Fixtures.read(version, "showvminfo-macos-hostonlynet.txt"));

        assertThat(vm.nics()).containsEntry(2, "hostonlynetwork");
        assertThat(vm.hostOnlyAdapters()).isEmpty();
        assertThat(vm.hostOnlyNetworks()).containsEntry(2, "olab-seeds");
        assertThat(vm.hostOnlyAttachments()).containsExactly("olab-seeds");
    }

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.V61, Fixtures.V70, Fixtures.V71})
    void listVmsKeepsNamesWithSpacesAndParentheses(String version) {
        List<VBoxLists.VmRef> vms = VBoxLists.vms(Fixtures.read(version, "list-vms.txt"));

        assertThat(vms).extracting(VBoxLists.VmRef::name)
                .containsExactly("ubuntu-xenial-base", "seeds-master", "seeds-worker", "dev box (old)");
        assertThat(vms.get(3).uuid()).isEqualTo("c2d3e4f5-a6b7-4c8d-9e0f-1a2b3c4d5e6f");
        assertThat(VBoxLists.vms(Fixtures.read(version, "list-runningvms.txt")))
                .containsExactly(new VBoxLists.VmRef("seeds-master", "0f1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b"));
    }

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.V61, Fixtures.V70, Fixtures.V71})
    void hostOnlyInterfacesCarryTheirHostAddress(String version) {
        List<VBoxLists.HostOnlyIf> ifs = VBoxLists.hostOnlyIfs(Fixtures.read(version, "list-hostonlyifs.txt"));

        assertThat(ifs).containsExactly(
                new VBoxLists.HostOnlyIf("vboxnet0", "192.168.56.1", "255.255.255.0", "Up", false),
                new VBoxLists.HostOnlyIf("vboxnet1", "192.168.57.1", "255.255.255.0", "Down", false));
    }

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.V70, Fixtures.V71})
    void hostOnlyNetworksSurviveTheBlankLineInsideEachBlock(String version) {
        List<VBoxLists.HostOnlyNet> nets = VBoxLists.hostOnlyNets(Fixtures.read(version, "list-hostonlynets-macos.txt"));

        assertThat(nets).containsExactly(
                new VBoxLists.HostOnlyNet("HostNetwork", "255.255.255.0", "192.168.57.100", "192.168.57.199", true),
                new VBoxLists.HostOnlyNet("olab-seeds", "255.255.255.0", "192.168.56.0", "192.168.56.0", true));
    }

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.V61, Fixtures.V70, Fixtures.V71})
    void bridgedInterfacesKeepColonsInNames(String version) {
        List<VBoxLists.BridgedIf> linux = VBoxLists.bridgedIfs(Fixtures.read(version, "list-bridgedifs.txt"));
        assertThat(linux).extracting(VBoxLists.BridgedIf::name).containsExactly("enp3s0", "wlp2s0", "docker0");
        assertThat(linux.get(0).ipAddress()).isEqualTo("192.168.1.23");
        assertThat(linux.get(1).status()).isEqualTo("Down");
        if (!version.equals(Fixtures.V61)) {
            List<VBoxLists.BridgedIf> mac = VBoxLists.bridgedIfs(Fixtures.read(version, "list-bridgedifs-macos.txt"));
            assertThat(mac).extracting(VBoxLists.BridgedIf::name).containsExactly("en0: Wi-Fi", "bridge100");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.V61, Fixtures.V70, Fixtures.V71})
    void hostInfoGivesAvailableMemory(String version) {
        VBoxLists.HostInfo info = VBoxLists.hostInfo(Fixtures.read(version, "list-hostinfo.txt"));

        assertThat(info.memorySizeMb()).isEqualTo(7851);
        assertThat(info.memoryAvailableMb()).isEqualTo(version.equals(Fixtures.V61) ? 3120 : 2890);
        assertThat(info.processorCount()).isEqualTo(4);
        assertThat(info.operatingSystem()).isEqualTo("Linux");
    }

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.V61, Fixtures.V70, Fixtures.V71})
    void guestPropertiesReadInBothLayouts(String version) {
        GuestProperties p = GuestProperties.parse(Fixtures.read(version, "guestproperty-enumerate.txt"));

        assertThat(p.ipv4(0)).contains("10.0.2.15");
        assertThat(p.ipv4(1)).contains("192.168.56.101");
        assertThat(p.get("/VirtualBox/GuestInfo/Net/Count")).contains("2");
        assertThat(p.get("/VirtualBox/GuestInfo/OS/Version")).contains("#242-Ubuntu SMP Fri Apr 16 09:57:56 UTC 2021");
        assertThat(p.get("/VirtualBox/VMInfo/ResetCounter")).contains("0");
        assertThat(p.values()).hasSize(18);
    }

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.V61, Fixtures.V70, Fixtures.V71})
    void hostOnlyInterfaceNameComesFromTheCreateOutput(String version) {
        assertThat(Fixtures.read(version, "hostonlyif-create.stdout")).contains("Interface 'vboxnet2' was successfully created");
    }
}
