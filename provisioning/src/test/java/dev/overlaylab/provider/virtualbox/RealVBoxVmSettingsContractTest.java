package dev.overlaylab.provider.virtualbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.exec.ProcessRunner;
import dev.overlaylab.provider.virtualbox.parse.PortForward;
import dev.overlaylab.provider.virtualbox.parse.VBoxLists;
import dev.overlaylab.provider.virtualbox.parse.VmInfo;
import dev.overlaylab.testsupport.RealVirtualBox;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Contract with the real VirtualBox 7.2: a node VM as {@code up} makes it — import of an OVA the real
 * VBoxManage exported, memory and CPUs, NIC1 NAT with the SSH rule (added, moved to another port,
 * deleted), NIC2 host-only — each change issued through our driver and read back with the real
 * {@code showvminfo}; then unregister and delete. Every VM is removed, also on failure.
 */
@Tag("integration")
class RealVBoxVmSettingsContractTest {
    private static RealVirtualBox vbox;
    private static Path ova;
    private VBoxRecorder rec;
    private VBoxDriver d;
    private String vm;

    @BeforeAll
    static void baseImage() {
        vbox = RealVirtualBox.session();
        String base = vbox.vmName("base");
        vbox.createBaseVm(base);
        ova = vbox.exportOva(base);
        vbox.raw("unregistervm", base, "--delete");   // the OVA alone is the base image from here on
    }

    @AfterAll
    static void closeSession() {
        if (vbox != null) {
            vbox.close();
        }
    }

    @BeforeEach
    void importNode() {
        rec = new VBoxRecorder(new ProcessRunner());
        d = vbox.driver(rec);
        vm = vbox.vmName("node-" + System.nanoTime() % 100000);
        d.change(d.importArgs(ova.toString(), vm));
    }

    @AfterEach
    void deleteNode() {
        if (d.vmInfo(vm).isPresent()) {
            d.change(d.unregisterArgs(vm));
        }
    }

    @Test
    void importedVmIsRegisteredOffWithTheNameGivenAndProgressOnStderr() {
        ExecResult imported = rec.last("import");
        assertThat(imported.stdout()).contains("Successfully imported the appliance.");
        assertThat(imported.stderr()).contains("0%...10%").contains("100%");   // progress goes to stderr (defect #7)

        VmInfo info = d.vmInfo(vm).orElseThrow();
        assertThat(info.name()).isEqualTo(vm);
        assertThat(info.state()).isEqualTo("poweroff");
        assertThat(info.off()).isTrue();
        assertThat(info.cfgFile()).startsWith(vbox.dir().toString()).endsWith(vm + ".vbox");
        assertThat(d.listVms()).extracting(VBoxLists.VmRef::name).contains(vm);
    }

    @Test
    void memoryAndCpusAreSetAndReadBack() {
        d.change(d.resourcesArgs(vm, 1536, 2));

        VmInfo info = d.vmInfo(vm).orElseThrow();
        assertThat(info.memoryMb()).isEqualTo(1536);
        assertThat(info.cpus()).isEqualTo(2);
    }

    @Test
    void sshForwardIsAddedMovedToAnotherPortAndDeleted() {
        d.change(d.natArgs(vm, 2222));
        VmInfo added = d.vmInfo(vm).orElseThrow();
        assertThat(added.nics()).containsEntry(1, "nat");
        assertThat(added.forwards()).containsExactly(new PortForward(1, "ssh", "tcp", "127.0.0.1", 2222, "", 22));
        assertThat(added.sshPort()).contains(2222);

        // how up repairs a taken port: delete the rule by name, add it on the new port
        d.change(d.deleteNatRuleArgs(vm, "ssh"));
        d.change(d.natArgs(vm, 2299));
        assertThat(d.vmInfo(vm).orElseThrow().forwards()).extracting(PortForward::hostPort).containsExactly(2299);

        d.change(d.deleteNatRuleArgs(vm, "ssh"));
        VmInfo deleted = d.vmInfo(vm).orElseThrow();
        assertThat(deleted.forwards()).isEmpty();
        assertThat(deleted.sshPort()).isEmpty();
    }

    @Test
    void secondNicIsOnTheHostOnlyInterfaceEvenBeforeTheInterfaceExists() {
        d.change(d.hostOnlyAdapterArgs(vm, "vboxnet0"));

        // VirtualBox accepts a name it cannot see yet, with a warning on stderr and exit 0
        assertThat(rec.last("modifyvm", vm, "--nic2").stderr()).contains("Interface \"vboxnet0\" doesn't seem to exist");
        VmInfo info = d.vmInfo(vm).orElseThrow();
        assertThat(info.nics()).containsEntry(2, "hostonly").containsEntry(3, "none");
        assertThat(info.hostOnlyAdapters()).containsExactlyEntriesOf(java.util.Map.of(2, "vboxnet0"));
        assertThat(info.hostOnlyAttachments()).containsExactly("vboxnet0");
    }

    @Test
    void recordedShowVmInfoOfANodeWithTwoRulesAndHostOnly() {
        d.change(d.resourcesArgs(vm, 1024, 1));
        d.change(d.natArgs(vm, 2200));
        vbox.raw("modifyvm", vm, "--natpf1", "web,tcp,,8080,,80");
        d.change(d.hostOnlyAdapterArgs(vm, "vboxnet0"));

        VmInfo info = d.vmInfo(vm).orElseThrow();
        assertThat(info.forwards()).extracting(PortForward::hostPort).containsExactly(2200, 8080);
        assertThat(info.forwards().get(1).hostIp()).isEmpty();
        assertThat(info.sshPort()).contains(2200);
        VBoxRecorder.save(d.version(), "showvminfo-poweroff.txt", rec.last("showvminfo", vm).stdout());
    }

    @Test
    void unregisterDeletesTheVmAndItsFiles() {
        Path folder = Path.of(d.vmInfo(vm).orElseThrow().cfgFile()).getParent();
        ExecResult r = d.change(d.unregisterArgs(vm));

        assertThat(r.stderr()).contains("100%");
        assertThat(d.vmInfo(vm)).isEmpty();
        assertThat(d.listVms()).extracting(VBoxLists.VmRef::name).doesNotContain(vm);
        assertThat(folder).satisfies(f -> assertThat(Files.exists(f.resolve(vm + ".vbox"))).isFalse());
    }
}
