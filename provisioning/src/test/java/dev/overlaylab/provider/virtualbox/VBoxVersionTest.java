package dev.overlaylab.provider.virtualbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.overlaylab.exec.ExecResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VBoxVersionTest {

    @ParameterizedTest
    @CsvSource({
        "7.0.20r163906, 7.0.20, VBoxDriver70",
        "6.1.50r161033, 6.1.50, VBoxDriver61",
        "7.1.4r165100, 7.1.4, VBoxDriver71",
        "7.2.0r168464, 7.2.0, VBoxDriver72",
        "6.1.50_Ubuntur161033, 6.1.50, VBoxDriver61",
        "7.0.16_OSEr162802, 7.0.16, VBoxDriver70",
    })
    void versionOutputPicksTheDriver(String output, String version, String driver) {
        VBoxDriver d = VBoxDrivers.forVersion(vbox(), VBoxVersion.parse(output), HostOs.LINUX);
        assertThat(d.version()).hasToString(version);
        assertThat(d.getClass().getSimpleName()).isEqualTo(driver);
    }

    @Test
    void warningLinesBeforeTheVersionAreSkipped() {
        String out = "WARNING: The vboxdrv kernel module is not loaded. Either there is no module\n"
                + "         available for the current kernel (6.1.0-21-amd64) or it failed to\n"
                + "7.0.20r163906\n";
        assertThat(VBoxVersion.parse(out)).isEqualTo(VBoxVersion.parse("7.0.20r163906"));
    }

    @Test
    void olderThanSixOneIsRefusedNamingBothVersions() {
        assertThatThrownBy(() -> VBoxDrivers.forVersion(vbox(), VBoxVersion.parse("6.0.24r139119"), HostOs.LINUX))
                .isInstanceOf(VirtualBoxUnavailableException.class)
                .hasMessageContaining("VirtualBox 6.0.24 is too old")
                .hasMessageContaining("oldest supported version is 6.1")
                .hasMessageContaining("upgrade VirtualBox");
    }

    @Test
    void unknownNewerVersionIsRefusedListingTheSupportedOnes() {
        assertThatThrownBy(() -> VBoxDrivers.forVersion(vbox(), VBoxVersion.parse("8.0.0r170000"), HostOs.LINUX))
                .isInstanceOf(VirtualBoxUnavailableException.class)
                .hasMessageContaining("VirtualBox 8.0.0 (found '8.0.0r170000') is newer than this Overlay Lab knows")
                .hasMessageContaining("supported: 6.1, 7.0, 7.1, 7.2");
    }

    @Test
    void aMissingKernelModuleDoesNotStopDetection() {
        // Oracle's start-up script prints this on stdout before every command (minikube #5291); listing, halting
        // and deleting need no driver, so the version is read past it and pre-flight judges the driver
        VBoxManage vbox = new VBoxManage("VBoxManage", (argv, env, t) -> new ExecResult(argv, 0,
                "WARNING: The vboxdrv kernel module is not loaded. Either there is no module\n"
                        + "         available for the current kernel (6.1.0-21-amd64) or it failed to\n"
                        + "         load. Please recompile the kernel module and install it by\n\n"
                        + "           sudo /sbin/vboxconfig\n\n"
                        + "         You will not be able to start VMs until this problem is fixed.\n7.0.20r163906\n", ""),
                1, Duration.ZERO, d -> { });

        VBoxDriver d = VBoxDrivers.detect(vbox, HostOs.LINUX);

        assertThat(d.version()).hasToString("7.0.20");
        assertThat(vbox.startupBanner()).startsWith("WARNING: The vboxdrv kernel module is not loaded.")
                .endsWith("You will not be able to start VMs until this problem is fixed.");
    }

    @Test
    void detectAsksVBoxManageForItsVersion() {
        FakeVirtualBox fake = new FakeVirtualBox(Fixtures.V70);
        VBoxDriver d = VBoxDrivers.detect(new VBoxManage(FakeVirtualBox.PROGRAM, fake, 1, Duration.ZERO, x -> { }), HostOs.MACOS);
        assertThat(fake.calls).containsExactly(List.of("--version"));
        assertThat(d).isInstanceOf(VBoxDriver70.class);
        assertThat(d.usesHostOnlyNetworks()).isTrue();
    }

    private static VBoxManage vbox() {
        return new VBoxManage("VBoxManage", (argv, env, t) -> {
            throw new AssertionError("no call expected");
        }, 1, Duration.ZERO, d -> { });
    }
}
