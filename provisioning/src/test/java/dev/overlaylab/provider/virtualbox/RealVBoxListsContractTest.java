package dev.overlaylab.provider.virtualbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.exec.ProcessRunner;
import dev.overlaylab.provider.virtualbox.parse.VBoxLists;
import dev.overlaylab.testsupport.RealVirtualBox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Contract with the real VirtualBox 7.2 (CI chroot, see {@link RealVirtualBox}): the version the
 * driver detects and every {@code list} it parses, read through our own driver. With
 * {@code OLAB_VBOX_RECORD=DIR} the outputs are saved as fixtures.
 */
@Tag("integration")
class RealVBoxListsContractTest {
    private static RealVirtualBox vbox;
    private static VBoxRecorder rec;
    private static VBoxDriver d;

    @BeforeAll
    static void session() {
        vbox = RealVirtualBox.session();
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
    void bridgedInterfacesAreThisHostsInterfaces() {
        assertThat(d.bridgedIfs()).isNotEmpty().allSatisfy(b -> {
            assertThat(b.name()).isNotBlank();
            assertThat(b.status()).isIn("Up", "Down", "Unknown");
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
    void hostOnlyInterfacesParseWhateverThisHostHas() {
        // outside a namespace of our own the list holds whatever vboxnetN this host has (often none)
        assertThat(d.hostOnlyIfs()).allSatisfy(i -> assertThat(i.name()).isNotBlank());
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
