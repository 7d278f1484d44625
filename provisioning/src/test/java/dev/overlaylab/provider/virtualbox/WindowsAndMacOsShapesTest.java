package dev.overlaylab.provider.virtualbox;

import dev.overlaylab.model.Cidr;
import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.provider.virtualbox.parse.PortForward;
import dev.overlaylab.provider.virtualbox.parse.VBoxLists;
import dev.overlaylab.provider.virtualbox.parse.VmInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What differs on Windows and macOS hosts, by argv and by output text: Windows outputs as quoted in
 * public issue threads (resources/virtualbox/windows/README.md), the macOS host-only network list
 * hand-written in the layout of VirtualBox's own VBoxManageList.cpp (the macOS-only VBOX_WITH_VMNET
 * part), which no Linux VirtualBox can print.
 */
class WindowsAndMacOsShapesTest {
    private static final String ADAPTER_2 = "VirtualBox Host-Only Ethernet Adapter #2";

    private static VBoxDriver driver(String version, HostOs os, FakeVirtualBox fake) {
        return VBoxDrivers.forVersion(new VBoxManage(FakeVirtualBox.PROGRAM, fake, 1, Duration.ZERO, d -> { }),
                VBoxVersion.parse(version), os);
    }

    @Test
    void windowsFindsVBoxManageExeWhereTheInstallerPutsIt() {
        // the path Windows users' logs show: C:\Program Files\Oracle\VirtualBox\VBoxManage.exe
        Map<String, String> env = Map.of("Path", "C:\\Windows\\system32;C:\\Windows", "ProgramFiles", "C:\\Program Files");
        List<Path> candidates = new VBoxManageLocator(HostOs.WINDOWS, env, p -> false).candidates();

        assertThat(candidates).extracting(p -> p.toString().replace('/', '\\'))
                .contains("C:\\Windows\\system32\\VBoxManage.exe", "C:\\Program Files\\Oracle\\VirtualBox\\VBoxManage.exe")
                .noneMatch(p -> p.endsWith("vboxmanage"));
        Path installed = Path.of("C:\\Program Files", "Oracle", "VirtualBox", "VBoxManage.exe");
        assertThat(new VBoxManageLocator(HostOs.WINDOWS, env, Set.of(installed)::contains).find()).contains(installed);
    }

    @Test
    void windowsAdapterNamesWithSpacesAndHashParseWhole() {
        List<VBoxLists.HostOnlyIf> ifs = VBoxLists.hostOnlyIfs(Fixtures.read("windows", "list-hostonlyifs.txt"));

        assertThat(ifs).containsExactly(
                new VBoxLists.HostOnlyIf("VirtualBox Host-Only Ethernet Adapter", "192.168.56.1", "255.255.255.0", "Up", false),
                new VBoxLists.HostOnlyIf(ADAPTER_2, "192.168.99.1", "255.255.255.0", "Up", false));
    }

    @Test
    void windowsShowVmInfoKeepsTheAdapterNameAndTheEscapedPath() {
        VmInfo vm = VmInfo.parse(Fixtures.read("windows", "showvminfo-excerpt.txt"));

        assertThat(vm.cfgFile()).isEqualTo("C:\\Users\\Administrator\\.docker\\machine\\machines\\default\\default\\default.vbox");
        assertThat(vm.hostOnlyAdapters()).isEqualTo(Map.of(2, "VirtualBox Host-Only Ethernet Adapter #5"));
        assertThat(vm.forwards()).containsExactly(new PortForward(1, "ssh", "tcp", "127.0.0.1", 49772, "", 22));
    }

    @Test
    void windowsReusesTheAdapterOnTheLabNetAndPassesItsNameAsOneArgument() {
        FakeVirtualBox fake = new FakeVirtualBox(Fixtures.V72);
        fake.hostOnlyIfs.add(new FakeVirtualBox.HostOnly("VirtualBox Host-Only Ethernet Adapter", "192.168.56.1", "255.255.255.0"));
        fake.hostOnlyIfs.add(new FakeVirtualBox.HostOnly(ADAPTER_2, "192.168.99.1", "255.255.255.0"));
        VBoxDriver d = driver("7.2.22r175245", HostOs.WINDOWS, fake);

        Optional<HostOnlyAttachment> found = HostOnlySetup.findExisting(d, Cidr.parse("192.168.99.0/24"));
        assertThat(found).map(HostOnlyAttachment::name).contains(ADAPTER_2);
        List<String> argv = d.hostOnlyAdapterArgs("seeds-master", ADAPTER_2);
        assertThat(argv).containsExactly("modifyvm", "seeds-master", "--nic2", "hostonly", "--hostonlyadapter2", ADAPTER_2,
                "--cableconnected2", "on");
        assertThat(d.hostOnlyIfIpconfigArgs(ADAPTER_2, "192.168.99.1", "255.255.255.0"))
                .containsExactly("hostonlyif", "ipconfig", ADAPTER_2, "--ip", "192.168.99.1", "--netmask", "255.255.255.0");
        assertThat(d.usesHostOnlyNetworks()).isFalse();
        assertThat(d.hostOnlyNets()).isEmpty();
        assertThat(fake.calls).noneMatch(a -> a.contains("hostonlynets"));
    }

    @Test
    void macOsOnSevenTwoListsAndMakesHostOnlyNetworks() {
        FakeVirtualBox fake = new FakeVirtualBox(Fixtures.V72);
        fake.os = HostOs.MACOS;
        fake.hostOnlyNets.add(new FakeVirtualBox.HostOnly("olab-seeds", "192.168.56.0", "255.255.255.0"));
        VBoxDriver d = driver("7.2.22r175245", HostOs.MACOS, fake);

        assertThat(d.usesHostOnlyNetworks()).isTrue();
        assertThat(d.hostOnlyNets()).containsExactly(
                new VBoxLists.HostOnlyNet("olab-seeds", "255.255.255.0", "192.168.56.0", "192.168.56.0", true));
        assertThat(HostOnlySetup.findExisting(d, Cidr.parse("192.168.56.0/24")))
                .contains(new HostOnlyAttachment(true, "olab-seeds", false));
        assertThat(d.hostOnlyNetArgs("seeds-master", "olab-seeds"))
                .containsExactly("modifyvm", "seeds-master", "--nic2", "hostonlynet", "--host-only-net2", "olab-seeds",
                        "--cableconnected2", "on");
    }

    @Test
    void theHandWrittenMacOsListHasTheLayoutOfVirtualBoxsSource() {
        // VBoxManageList.cpp prints: Name, GUID, a blank line, State, NetworkMask, LowerIP, UpperIP, VBoxNetworkName: hostonly-<name>
        String[] block = Fixtures.read(Fixtures.V71, "list-hostonlynets-macos.txt").split("\n", -1);
        assertThat(block[0]).startsWith("Name:            ");
        assertThat(block[1]).matches("GUID:            [0-9a-f-]{36}");
        assertThat(block[2]).isEmpty();
        assertThat(block[3]).matches("State:           (Enabled|Disabled)");
        assertThat(block[4]).startsWith("NetworkMask:     ");
        assertThat(block[5]).startsWith("LowerIP:         ");
        assertThat(block[6]).startsWith("UpperIP:         ");
        assertThat(block[7]).isEqualTo("VBoxNetworkName: hostonly-" + block[0].substring("Name:            ".length()));
    }
}
