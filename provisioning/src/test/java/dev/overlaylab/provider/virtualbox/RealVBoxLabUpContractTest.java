package dev.overlaylab.provider.virtualbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.overlaylab.exec.ProcessRunner;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.LabLoader;
import dev.overlaylab.model.Node;
import dev.overlaylab.progress.ProgressEvent;
import dev.overlaylab.provider.virtualbox.parse.VBoxLists;
import dev.overlaylab.provider.virtualbox.parse.VmInfo;
import dev.overlaylab.testsupport.RealVirtualBox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code up} of the seeds' lab ({@code examples/two-node-vbox.yaml}) through {@link VirtualBoxProvider}
 * on the real VirtualBox 7.2, in a private network namespace whose Linux bridge {@code vboxnet0} stands
 * in for the host-only interface (no kernel module here). It must create both VMs for real — linked
 * clones of a registered base VM, memory/CPUs, NAT with an SSH forward each, NIC2 on vboxnet0, the
 * host given 192.168.56.1 — and stop only at {@code startvm}, which needs VT-x and vboxdrv. The VMs
 * are read back with the real {@code showvminfo}; {@code down} then removes them.
 */
@Tag("integration")
class RealVBoxLabUpContractTest {

    @Test
    void seedsLabCreatesBothVmsForRealAndStopsOnlyAtStartvm() throws Exception {
        try (RealVirtualBox vbox = RealVirtualBox.sessionInNetns()) {
            Path repo = RealVirtualBox.wrapper().orElseThrow().getParent().getParent().getParent();
            Lab lab = LabLoader.load(repo.resolve("examples/two-node-vbox.yaml"));
            String base = vbox.vmName("xenial-base");
            vbox.createBaseVm(base);
            vbox.raw("snapshot", base, "take", "clean");
            String listedDown = vbox.raw("list", "hostonlyifs").stdout();
            assertThat(listedDown).contains("IPAddress:       192.168.56.1").contains("Status:          Down");
            VirtualBoxProvider p = provider(vbox, base);
            VBoxDriver d = p.driver();
            List<ProgressEvent> events = Collections.synchronizedList(new ArrayList<>());
            try {
                assertThatThrownBy(() -> p.up(lab, events::add))
                        .isInstanceOfSatisfying(VBoxManageException.class, e -> {
                            assertThat(e.argv()).contains("startvm");
                            VBoxRecorder.save(d.version(), "startvm-no-vboxdrv.stderr", e.stderr());
                            VBoxRecorder.save(d.version(), "startvm-no-vboxdrv.stdout", e.stdout());
                        });

                // the address-less bridge was listed as 192.168.56.1 but Down: up gave it the address (defect #6)
                assertThat(vbox.inNetns("ip", "-4", "addr", "show", "vboxnet0").stdout()).contains("inet 192.168.56.1/24");
                assertThat(d.hostOnlyIfs()).containsExactly(
                        new VBoxLists.HostOnlyIf("vboxnet0", "192.168.56.1", "255.255.255.0", "Up", false));
                VBoxRecorder.save(d.version(), "list-hostonlyifs.txt", vbox.raw("list", "hostonlyifs").stdout());
                int[] ports = new int[lab.nodes().size()];
                for (int i = 0; i < lab.nodes().size(); i++) {
                    Node n = lab.nodes().get(i);
                    VmInfo vm = d.vmInfo(VirtualBoxContext.vmName(lab, n)).orElseThrow();
                    assertThat(vm.state()).isIn("poweroff", "aborted");
                    assertThat(vm.memoryMb()).isEqualTo(1024);
                    assertThat(vm.cpus()).isEqualTo(1);
                    assertThat(vm.nics()).containsEntry(1, "nat").containsEntry(2, "hostonly");
                    assertThat(vm.hostOnlyAdapters()).isEqualTo(Map.of(2, "vboxnet0"));
                    assertThat(vm.forwards()).singleElement().satisfies(f -> {
                        assertThat(f.hostIp()).isEqualTo("127.0.0.1");
                        assertThat(f.guestPort()).isEqualTo(22);
                    });
                    ports[i] = vm.sshPort().orElseThrow();
                }
                assertThat(ports[0]).isNotEqualTo(ports[1]);
                assertThat(d.listVms()).extracting(VBoxLists.VmRef::name)
                        .contains(base, "seeds-lab-master", "seeds-lab-node1");
                // linked clones: each node's disk is a differencing image in its own Snapshots folder
                String master = vbox.raw("showvminfo", "seeds-lab-master", "--machinereadable").stdout();
                assertThat(master).containsPattern("\"SATA-0-0\"=\"[^\"]*/seeds-lab-master/Snapshots/\\{[0-9a-f-]+\\}\\.vdi\"");
            } finally {
                p.down(lab, events::add);
            }
            assertThat(d.listVms()).extracting(VBoxLists.VmRef::name).containsExactly(base);
        }
    }

    private static VirtualBoxProvider provider(RealVirtualBox vbox, String base) throws Exception {
        Path state = Files.createDirectories(vbox.dir().resolve("state"));
        // A host root whose /dev has the kernel drivers' device nodes: this machine has none, and the
        // pre-flight would (rightly) stop up before anything is created — RealVirtualBoxWithoutDriversTest
        // proves that. This test is about what the real VBoxManage does up to startvm.
        Path hostRoot = vbox.dir().resolve("host-root");
        Files.createDirectories(hostRoot.resolve("dev"));
        for (String device : KernelDrivers.DEVICES) {
            Files.writeString(hostRoot.resolve(device.substring(1)), "");
        }
        VirtualBoxSettings settings = VirtualBoxSettings.defaults().withStateDir(state).withHostRoot(hostRoot)
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5));
        VBoxManageLocator onlyTheSession = new VBoxManageLocator(HostOs.LINUX,
                Map.of("PATH", vbox.program().getParent().toString()), Files::isExecutable);
        VirtualBoxContext ctx = new VirtualBoxContext(settings, new ProcessRunner(), onlyTheSession, HostOs.LINUX,
                name -> TestLabs.xenial(base), GuestLogin.NOT_WIRED, PortPicker.probingLoopback(), SshBannerWait.real(),
                d -> Thread.sleep(d.toMillis()));
        return new VirtualBoxProvider(ctx);
    }
}
