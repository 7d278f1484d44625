package dev.overlaylab.provider.virtualbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.model.Cidr;
import dev.overlaylab.model.AllowedRanges;
import dev.overlaylab.provider.virtualbox.parse.VBoxLists;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PreflightTest {
    private static final VBoxLists.HostInfo ROOMY = VBoxLists.hostInfo(Fixtures.read(Fixtures.V70, "list-hostinfo.txt"));
    private static final List<VBoxLists.BridgedIf> LINUX_IFS = VBoxLists.bridgedIfs(Fixtures.read(Fixtures.V70, "list-bridgedifs.txt"));

    private static Preflight.Input input(String cidr, String version, HostOs os, AllowedRanges ranges, long memory) {
        return new Preflight.Input(Cidr.parse(cidr).normalized(), VBoxVersion.parse(version), os, false, ranges, LINUX_IFS, Set.of(),
                ROOMY, memory);
    }

    @Test
    void theSeedsNetworkPassesOnAFreshLinuxHost() {
        assertThat(Preflight.problems(input("192.168.56.0/24", "7.0.20", HostOs.LINUX, AllowedRanges.defaults(), 2048))).isEmpty();
    }

    @Test
    void outOfRangeNetworkIsRefusedWithBothFixes() {
        List<String> p = Preflight.problems(input("10.10.0.0/24", "6.1.50", HostOs.LINUX, AllowedRanges.defaults(), 2048));

        assertThat(p).hasSize(1);
        assertThat(p.get(0))
                .startsWith("host-only network 10.10.0.0/24 is outside the ranges VirtualBox 6.1.50 allows on this host: "
                        + "192.168.56.0/21 (VirtualBox's default: /etc/vbox/networks.conf does not exist)")
                .contains("E_ACCESSDENIED (FAILURE-MODES #10)")
                .contains("use a network inside 192.168.56.0/21 in the lab file")
                .contains("create /etc/vbox/networks.conf (as root) with the line '* 192.168.56.0/21 10.10.0.0/24'");
    }

    @Test
    void networksConfReplacesTheDefaultRangeAsTheReal72Does() {
        // recorded on VirtualBox 7.2.22: with '* 10.0.0.0/8', ipconfig --ip 192.168.56.1 is refused (E_ACCESSDENIED)
        AllowedRanges r = AllowedRanges.parse("# lab ranges\n* 10.0.0.0/8 192.168.0.0/16\n* 2001::/64\n",
                AllowedRanges.NETWORKS_CONF);

        assertThat(r.ranges()).extracting(Cidr::toString).containsExactly("10.0.0.0/8", "192.168.0.0/16");
        assertThat(Preflight.problems(input("10.10.0.0/24", "7.1.4", HostOs.LINUX, r, 0))).isEmpty();
        assertThat(r.allows(Cidr.parse("172.28.128.0/24"))).isFalse();

        AllowedRanges tenOnly = AllowedRanges.parse("* 10.0.0.0/8\n", AllowedRanges.NETWORKS_CONF);
        List<String> p = Preflight.problems(input("192.168.56.0/24", "7.2.22", HostOs.LINUX, tenOnly, 0));
        assertThat(p).singleElement().asString()
                .contains("allows on this host: 10.0.0.0/8 (the '*' lines of /etc/vbox/networks.conf, which replace"
                        + " VirtualBox's default 192.168.56.0/21)")
                .contains("fix: use a network inside 10.0.0.0/8 in the lab file, or add 192.168.56.0/24 to a '*' line of"
                        + " /etc/vbox/networks.conf (as root), then run again.");
    }

    @Test
    void anEmptyNetworksConfAllowsNothing() {
        // recorded on VirtualBox 7.2.22: an empty or comments-only file refuses even 192.168.56.1
        AllowedRanges none = AllowedRanges.parse("# nothing yet\n", AllowedRanges.NETWORKS_CONF);

        assertThat(none.allows("192.168.56.0/24")).isFalse();
        assertThat(none.describe()).startsWith("nothing (the '*' lines of /etc/vbox/networks.conf");
    }

    @Test
    void aMissingFileMeansTheDefaultAndAnExistingOneIsRead(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws java.io.IOException {
        java.nio.file.Path conf = tmp.resolve("networks.conf");
        assertThat(AllowedRanges.read(conf)).isEqualTo(AllowedRanges.defaults());

        java.nio.file.Files.writeString(conf, "* 172.28.128.0/24\n");
        AllowedRanges r = AllowedRanges.read(conf);
        assertThat(r.allows("172.28.128.0/24")).isTrue();
        assertThat(r.allows("192.168.56.0/24")).isFalse();
    }

    @Test
    void missingKernelDriversComeFirstWithTheDistributionsFix() {
        KernelDrivers debian = new KernelDrivers(HostOs.LINUX, List.of("/dev/vboxdrv", "/dev/vboxnetctl"),
                KernelDrivers.Packaging.DEBIAN, false);

        assertThat(Preflight.kernelProblems(debian)).singleElement().asString()
                .startsWith("VirtualBox's kernel drivers are not loaded (/dev/vboxdrv and /dev/vboxnetctl do not exist)")
                .contains("fix: sudo apt install virtualbox-dkms linux-headers-$(uname -r), then sudo modprobe vboxdrv"
                        + " vboxnetadp vboxnetflt")
                .doesNotContain("vboxconfig");
        assertThat(Preflight.kernelProblems(KernelDrivers.loaded(HostOs.LINUX))).isEmpty();
    }

    @Test
    void beforeSixOneTwentyEightAndOnWindowsAnyRangeGoes() {
        assertThat(Preflight.problems(input("10.10.0.0/24", "6.1.26", HostOs.LINUX, AllowedRanges.defaults(), 0))).isEmpty();
        assertThat(Preflight.problems(input("10.10.0.0/24", "7.0.20", HostOs.WINDOWS, AllowedRanges.defaults(), 0))).isEmpty();
    }

    @Test
    void aHostInterfaceAlreadyOnTheLabNetworkIsNamed() {
        List<String> p = Preflight.problems(input("192.168.1.0/24", "7.0.20", HostOs.WINDOWS, AllowedRanges.defaults(), 0));

        assertThat(p).singleElement().asString()
                .startsWith("the host's interface 'enp3s0' (192.168.1.23/24) is already on the lab's host-only network 192.168.1.0/24");
    }

    @Test
    void downInterfacesAndHostOnlyOnesDoNotCount() {
        // docker0 (172.17.0.0/16) is listed but down
        assertThat(Preflight.problems(input("172.17.5.0/24", "7.0.20", HostOs.WINDOWS, AllowedRanges.defaults(), 0))).isEmpty();
        Preflight.Input reused = new Preflight.Input(Cidr.parse("192.168.1.0/24").normalized(), VBoxVersion.parse("7.0.20"), HostOs.WINDOWS,
                false, AllowedRanges.defaults(), LINUX_IFS, Set.of("enp3s0"), ROOMY, 0);
        assertThat(Preflight.problems(reused)).isEmpty();
    }

    @Test
    void tooLittleMemoryIsReportedWithTheFigures() {
        List<String> p = Preflight.problems(input("192.168.56.0/24", "7.0.20", HostOs.LINUX, AllowedRanges.defaults(), 4096));

        assertThat(p).singleElement().asString()
                .startsWith("the VMs to start need 4096 MB of memory but the host has 2890 MB available (of 7851 MB)");
    }

    @Test
    void allProblemsAreReportedAtOnce() {
        List<String> p = Preflight.problems(input("192.168.0.0/16", "7.0.20", HostOs.LINUX, AllowedRanges.defaults(), 9000));
        assertThat(p).hasSize(3);
    }

    @Test
    void portPickerSkipsForwardedAndBusyPorts() {
        PortPicker picker = new PortPicker(port -> port != 2224);
        assertThat(picker.pick(2222, Set.of(2222, 2223))).isEqualTo(2225);
    }

    @Test
    void portPickerProbesLoopbackForReal() throws Exception {
        try (java.net.ServerSocket busy = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            int port = busy.getLocalPort();
            assertThat(PortPicker.canBind(port)).isFalse();
            assertThat(PortPicker.probingLoopback().pick(port, Set.of())).isNotEqualTo(port);
        }
    }
}
