package dev.overlaylab.provider.virtualbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.overlaylab.model.Cidr;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The exact argv each driver produces, version by version (nothing is run). */
class VBoxDriverArgvTest {

    private static VBoxDriver driver(String version, HostOs os) {
        VBoxManage vbox = new VBoxManage("VBoxManage", (a, e, t) -> {
            throw new AssertionError("argv tests run nothing");
        }, 1, Duration.ZERO, d -> { });
        return VBoxDrivers.forVersion(vbox, VBoxVersion.parse(version), os);
    }

    @ParameterizedTest
    @ValueSource(strings = {"6.1.50r161033", "7.0.20r163906", "7.1.4r165100", "7.2.0r168464"})
    void createCommandsAreTheSameOnEveryVersionOnLinux(String version) {
        VBoxDriver d = driver(version, HostOs.LINUX);

        assertThat(d.importArgs("/boxes/xenial.ova", "seeds-master"))
                .containsExactly("import", "/boxes/xenial.ova", "--vsys", "0", "--vmname", "seeds-master");
        assertThat(d.cloneArgs("ubuntu-xenial-base", Optional.of("clean"), "seeds-master"))
                .containsExactly("clonevm", "ubuntu-xenial-base", "--snapshot", "clean", "--options", "link",
                        "--name", "seeds-master", "--register");
        assertThat(d.cloneArgs("ubuntu-xenial-base", Optional.empty(), "seeds-master"))
                .containsExactly("clonevm", "ubuntu-xenial-base", "--name", "seeds-master", "--register");
        assertThat(d.resourcesArgs("seeds-master", 1024, 2))
                .containsExactly("modifyvm", "seeds-master", "--memory", "1024", "--cpus", "2");
        assertThat(d.natArgs("seeds-master", 2222))
                .containsExactly("modifyvm", "seeds-master", "--nic1", "nat", "--natpf1", "ssh,tcp,127.0.0.1,2222,,22");
        assertThat(d.hostOnlyAdapterArgs("seeds-master", "vboxnet0"))
                .containsExactly("modifyvm", "seeds-master", "--nic2", "hostonly", "--hostonlyadapter2", "vboxnet0",
                        "--cableconnected2", "on");
        assertThat(d.hostOnlyIfCreateArgs()).containsExactly("hostonlyif", "create");
        assertThat(d.hostOnlyIfIpconfigArgs("vboxnet0", "192.168.56.1", "255.255.255.0"))
                .containsExactly("hostonlyif", "ipconfig", "vboxnet0", "--ip", "192.168.56.1", "--netmask", "255.255.255.0");
        assertThat(d.startArgs("seeds-master")).containsExactly("startvm", "seeds-master", "--type", "headless");
        assertThat(d.acpiPowerButtonArgs("seeds-master")).containsExactly("controlvm", "seeds-master", "acpipowerbutton");
        assertThat(d.powerOffArgs("seeds-master")).containsExactly("controlvm", "seeds-master", "poweroff");
        assertThat(d.unregisterArgs("seeds-master")).containsExactly("unregistervm", "seeds-master", "--delete");
        assertThat(d.snapshotTakeArgs("seeds-master", "after-provision"))
                .containsExactly("snapshot", "seeds-master", "take", "after-provision");
        assertThat(d.snapshotRestoreArgs("seeds-master", "after-provision"))
                .containsExactly("snapshot", "seeds-master", "restore", "after-provision");
        assertThat(d.showVmInfoArgs("seeds-master")).containsExactly("showvminfo", "seeds-master", "--machinereadable");
        assertThat(d.usesHostOnlyNetworks()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"7.0.20r163906", "7.1.4r165100", "7.2.0r168464"})
    void macOsOnVirtualBoxSevenUsesHostOnlyNetworks(String version) {
        VBoxDriver d = driver(version, HostOs.MACOS);

        assertThat(d.usesHostOnlyNetworks()).isTrue();
        assertThat(d.hostOnlyNetAddArgs("olab-seeds", Cidr.parse("192.168.56.0/24").normalized()))
                .containsExactly("hostonlynet", "add", "--name", "olab-seeds", "--netmask", "255.255.255.0",
                        "--lower-ip", "192.168.56.0", "--upper-ip", "192.168.56.0", "--enable");
        assertThat(d.hostOnlyNetArgs("seeds-master", "olab-seeds"))
                .containsExactly("modifyvm", "seeds-master", "--nic2", "hostonlynet", "--host-only-net2", "olab-seeds",
                        "--cableconnected2", "on");
        assertThat(d.hostOnlyNetRemoveArgs("olab-seeds")).containsExactly("hostonlynet", "remove", "--name", "olab-seeds");
    }

    @Test
    void sixOneOnMacOsKeepsHostOnlyInterfacesAndHasNoNetworks() {
        VBoxDriver d = driver("6.1.50r161033", HostOs.MACOS);

        assertThat(d.usesHostOnlyNetworks()).isFalse();
        assertThat(d.hostOnlyNets()).isEmpty();
        assertThatThrownBy(() -> d.hostOnlyNetArgs("seeds-master", "olab-seeds"))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("need VirtualBox 7.0 or newer; this is 6.1.50");
    }

    @Test
    void onlySevenZeroZeroHidesForwardingRules() {
        assertThat(((VBoxDriver70) driver("7.0.0r154605", HostOs.LINUX)).hidesForwardingRules()).isTrue();
        assertThat(((VBoxDriver70) driver("7.0.20r163906", HostOs.LINUX)).hidesForwardingRules()).isFalse();
    }

    @Test
    void windowsHostOnlyInterfaceNamesWithSpacesStayOneArgument() {
        VBoxDriver d = driver("7.0.20r163906", HostOs.WINDOWS);
        List<String> a = d.hostOnlyAdapterArgs("seeds-master", "VirtualBox Host-Only Ethernet Adapter #2");
        assertThat(a.get(5)).isEqualTo("VirtualBox Host-Only Ethernet Adapter #2");
        assertThat(d.usesHostOnlyNetworks()).isFalse();
    }
}
