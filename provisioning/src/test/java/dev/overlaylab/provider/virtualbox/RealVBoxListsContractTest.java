package dev.overlaylab.provider.virtualbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.exec.ProcessRunner;
import dev.overlaylab.provider.virtualbox.parse.VBoxLists;
import dev.overlaylab.testsupport.RealVirtualBox;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Contract with the real VirtualBox 7.2 (CI chroot, see {@link RealVirtualBox}): the version the
 * driver detects and every {@code list} it parses, read through our own driver. It runs in a network
 * namespace of its own holding a known set of interfaces (the bridge vboxnet0 without an address, a
 * veth pair {@code enp3s0} at 192.168.1.23/24), so the outputs, and the fixtures recorded from them
 * with {@code OLAB_VBOX_RECORD=DIR}, do not depend on which interfaces this machine happens to have.
 */
@Tag("integration")
class RealVBoxListsContractTest {
    private static RealVirtualBox vbox;
    private static VBoxRecorder rec;
    private static VBoxDriver d;

    @BeforeAll
    static void session() {
        vbox = RealVirtualBox.sessionInNetns();
        String ns = vbox.netns().orElseThrow();
        ProcessRunner run = new ProcessRunner();
        run.check(List.of("ip", "-n", ns, "link", "add", "enp3s0", "type", "veth", "peer", "name", "enp3s0p"), Duration.ofSeconds(10));
        run.check(List.of("ip", "-n", ns, "addr", "add", "192.168.1.23/24", "dev", "enp3s0"), Duration.ofSeconds(10));
        run.check(List.of("ip", "-n", ns, "link", "set", "enp3s0", "up"), Duration.ofSeconds(10));
        rec = new VBoxRecorder(new ProcessRunner());
        d = vbox.driver(rec);
    }

    @AfterAll
    static void close() {
        if (vbox != null) {
            vbox.close();
        }
    }

    @Test
    void detectsVirtualBox72AndPicksItsDriver() {
        assertThat(d).isInstanceOf(VBoxDriver72.class);
        assertThat(d.version().family()).isEqualTo("7.2");
        VBoxRecorder.save(d.version(), "version.txt", rec.last("--version").stdout());
    }

    @Test
    void listVmsAndRunningVmsShowARegisteredVmByNameAndUuid() {
        String name = vbox.vmName("list vms (spaces)");
        ExecResult created = vbox.raw("createvm", "--name", name, "--ostype", "Debian_64", "--register");
        try {
            assertThat(d.listVms()).anySatisfy(v -> {
                assertThat(v.name()).isEqualTo(name);
                assertThat(created.stdout()).contains("UUID: " + v.uuid());
            });
            assertThat(d.listRunningVms()).extracting(VBoxLists.VmRef::name).doesNotContain(name);
            VBoxRecorder.save(d.version(), "list-vms.txt", rec.last("list", "vms").stdout());
            VBoxRecorder.save(d.version(), "list-runningvms.txt", rec.last("list", "runningvms").stdout());
        } finally {
            vbox.raw("unregistervm", name, "--delete");
        }
        assertThat(d.listVms()).extracting(VBoxLists.VmRef::name).doesNotContain(name);
    }

    @Test
    void bridgedInterfacesAreTheHostsInterfacesWithTheirAddresses() {
        // vboxnet0 is VirtualBox's host-only interface, so it is not offered for bridging
        assertThat(d.bridgedIfs()).extracting(VBoxLists.BridgedIf::name).containsExactlyInAnyOrder("enp3s0", "enp3s0p");
        assertThat(d.bridgedIfs()).filteredOn(b -> b.name().equals("enp3s0")).singleElement().satisfies(b -> {
            assertThat(b.ipAddress()).isEqualTo("192.168.1.23");
            assertThat(b.networkMask()).isEqualTo("255.255.255.0");
        });
        VBoxRecorder.save(d.version(), "list-bridgedifs.txt", rec.last("list", "bridgedifs").stdout());
    }

    @Test
    void hostInfoGivesMemoryAndCpusOfThisMachine() {
        VBoxLists.HostInfo info = d.hostInfo();

        assertThat(info.memorySizeMb()).isGreaterThan(256);
        assertThat(info.memoryAvailableMb()).isPositive().isLessThanOrEqualTo(info.memorySizeMb());
        assertThat(info.processorCount()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(info.operatingSystem()).isEqualTo("Linux");
        VBoxRecorder.save(d.version(), "list-hostinfo.txt", rec.last("list", "hostinfo").stdout());
    }

    @Test
    void aHostOnlyInterfaceWithoutAddressIsListedWithVirtualBoxsDefaultAddressButDown() {
        assertThat(d.hostOnlyIfs()).containsExactly(
                new VBoxLists.HostOnlyIf("vboxnet0", "192.168.56.1", "255.255.255.0", "Down", false));
        VBoxRecorder.save(d.version(), "list-hostonlyifs-no-address.txt", rec.last("list", "hostonlyifs").stdout());
    }

    @Test
    void hostOnlyNetworksAreNeverAskedForOnLinuxWhereTheRealOneRejectsThem() {
        int before = rec.calls();
        assertThat(d.hostOnlyNets()).isEmpty();
        assertThat(rec.calls()).as("no VBoxManage call for host-only networks on Linux").isEqualTo(before);

        ExecResult list = vbox.tryRaw("list", "hostonlynets");
        assertThat(list.exitCode()).isEqualTo(2);
        assertThat(list.stderr()).contains("Unknown subcommand \"hostonlynets\"");
        ExecResult add = vbox.tryRaw("hostonlynet", "add", "--name", "olab-x", "--netmask", "255.255.255.0",
                "--lower-ip", "192.168.56.0", "--upper-ip", "192.168.56.0", "--enable");
        assertThat(add.ok()).isFalse();
        assertThat(add.stderr()).contains("Invalid command 'hostonlynet'");
        VBoxRecorder.save(d.version(), "list-hostonlynets-linux.stderr", list.stderr());
    }
}
