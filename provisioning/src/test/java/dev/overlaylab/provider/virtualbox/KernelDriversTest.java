package dev.overlaylab.provider.virtualbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernel drivers judged from files under a fake root, and the start-up banner cut off stdout. */
class KernelDriversTest {
    @TempDir
    Path root;

    @Test
    void debiansBannerIsCutOffAndTheVersionBehindItIsKept() {
        StartupBanner b = StartupBanner.split(Fixtures.read("errors", "debian-banner-version.stdout"));

        assertThat(b.banner()).startsWith("WARNING: The character device /dev/vboxdrv does not exist.")
                .contains("Please install the virtualbox-dkms package")
                .endsWith("You will not be able to start VMs until this problem is fixed.");
        assertThat(b.rest()).isEqualTo("7.2.22_Debianr175245\n");
        assertThat(VBoxVersion.parse(b.rest())).hasToString("7.2.22");
    }

    @Test
    void outputWithoutABannerIsUntouched() {
        assertThat(StartupBanner.split("\"t1\" {66ffdc3a-0f73-4045-97f0-31cb60472a35}\n"))
                .isEqualTo(new StartupBanner("", "\"t1\" {66ffdc3a-0f73-4045-97f0-31cb60472a35}\n"));
    }

    @Test
    void missingDeviceNodesAreNamedAndDebianGetsItsOwnFix() throws IOException {
        Files.createDirectories(root.resolve("dev"));
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/os-release"), "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\n");

        KernelDrivers k = KernelDrivers.probe(HostOs.LINUX, root, "");

        assertThat(k.missing()).containsExactly("/dev/vboxdrv", "/dev/vboxnetctl");
        assertThat(k.packaging()).isEqualTo(KernelDrivers.Packaging.DEBIAN);
        assertThat(k.cause()).hasValue("VirtualBox's kernel drivers are not loaded (/dev/vboxdrv and /dev/vboxnetctl do not"
                + " exist), so VirtualBox can neither start VMs nor create host-only interfaces");
        assertThat(k.fix()).isEqualTo("sudo apt install virtualbox-dkms linux-headers-$(uname -r), then sudo modprobe vboxdrv"
                + " vboxnetadp vboxnetflt");
    }

    @Test
    void loadedDriversAreNotAProblem() throws IOException {
        Files.createDirectories(root.resolve("dev"));
        Files.createFile(root.resolve("dev/vboxdrv"));
        Files.createFile(root.resolve("dev/vboxnetctl"));

        assertThat(KernelDrivers.probe(HostOs.LINUX, root, "").allLoaded()).isTrue();
    }

    @Test
    void oraclesPackageIsRecognisedByItsVboxconfig() throws IOException {
        Files.createDirectories(root.resolve("sbin"));
        Files.createFile(root.resolve("sbin/vboxconfig"));

        KernelDrivers k = KernelDrivers.probe(HostOs.LINUX, root, "");

        assertThat(k.packaging()).isEqualTo(KernelDrivers.Packaging.ORACLE);
        assertThat(k.fix()).startsWith("sudo /sbin/vboxconfig");
    }

    @Test
    void theBannerNamesThePackagingEvenOnAnUnknownDistribution() {
        assertThat(KernelDrivers.probe(HostOs.LINUX, root, Fixtures.read("errors", "debian-banner-version.stdout")).packaging())
                .isEqualTo(KernelDrivers.Packaging.DEBIAN);
    }

    @Test
    void secureBootAddsTheModuleSigningStep() throws IOException {
        Path efivar = root.resolve(KernelDrivers.SECURE_BOOT_VAR);
        Files.createDirectories(efivar.getParent());
        Files.write(efivar, new byte[] {6, 0, 0, 0, 1});

        KernelDrivers k = KernelDrivers.probe(HostOs.LINUX, root, "WARNING: ... virtualbox-dkms ...");

        assertThat(k.secureBoot()).isTrue();
        assertThat(k.fix()).contains("Secure Boot is on").contains("Key was rejected by service")
                .contains("sudo mokutil --import /var/lib/dkms/mok.pub");
    }

    @Test
    void otherSystemsHaveNoDeviceNodesToJudge() {
        assertThat(KernelDrivers.probe(HostOs.MACOS, root, "").allLoaded()).isTrue();
        assertThat(KernelDrivers.probe(HostOs.WINDOWS, root, "").allLoaded()).isTrue();
    }
}
