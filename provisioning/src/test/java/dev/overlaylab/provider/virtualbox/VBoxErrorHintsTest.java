package dev.overlaylab.provider.virtualbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.model.AllowedRanges;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each error people meet, from its real text (recorded on VirtualBox 7.2.22 here, or quoted from an
 * issue thread: see src/test/resources/virtualbox/errors/README.md), to one line of cause and its fix.
 */
class VBoxErrorHintsTest {
    private static final KernelDrivers DEBIAN_NO_DRIVERS = new KernelDrivers(HostOs.LINUX,
            List.of("/dev/vboxdrv", "/dev/vboxnetctl"), KernelDrivers.Packaging.DEBIAN, false);
    private static final VBoxErrorHints.Host DEBIAN = new VBoxErrorHints.Host(HostOs.LINUX, DEBIAN_NO_DRIVERS,
            AllowedRanges.defaults());

    static String errors(String file) {
        return Fixtures.read("errors", file);
    }

    private static Optional<VBoxError> explain(VBoxErrorHints.Host host, String stderr, String... args) {
        List<String> argv = Stream.concat(Stream.of("VBoxManage"), Stream.of(args)).toList();
        return VBoxErrorHints.explain(new ExecResult(argv, 1, "", stderr), host);
    }

    static Stream<Arguments> knownErrors() {
        VBoxErrorHints.Host win = VBoxErrorHints.Host.of(HostOs.WINDOWS);
        VBoxErrorHints.Host mac = VBoxErrorHints.Host.of(HostOs.MACOS);
        VBoxErrorHints.Host linux = VBoxErrorHints.Host.of(HostOs.LINUX);
        return Stream.of(
                Arguments.of("hostonlyif-create-no-vboxnetctl.stderr", DEBIAN, List.of("hostonlyif", "create"),
                        "kernel drivers are not loaded (/dev/vboxdrv and /dev/vboxnetctl do not exist)",
                        "sudo apt install virtualbox-dkms linux-headers-$(uname -r), then sudo modprobe vboxdrv vboxnetadp vboxnetflt"),
                Arguments.of("startvm-no-driver.stderr", DEBIAN, List.of("startvm", "t1", "--type", "headless"),
                        "kernel drivers are not loaded", "sudo modprobe vboxdrv vboxnetadp vboxnetflt"),
                Arguments.of("thread-hostonlyif-create-macos.stderr", mac, List.of("hostonlyif", "create"),
                        "macOS blocks it until you allow it", "allow system software from 'Oracle America, Inc.'"),
                Arguments.of("thread-startvm-driver-macos.stderr", mac, List.of("startvm", "accessmod"),
                        "macOS blocks it", "restart the Mac"),
                Arguments.of("thread-hostonlyif-create-windows.stderr", win, List.of("hostonlyif", "create"),
                        "host-only network driver on Windows", "choose Repair"),
                Arguments.of("thread-startvm-intnet-flt-windows.stderr", win, List.of("startvm", "x"),
                        "host-only network driver on Windows", "VirtualBox NDIS6 Bridged Networking Driver"),
                Arguments.of("thread-startvm-vmx-no-vmx.stderr", linux, List.of("startvm", "x"),
                        "hardware virtualisation (VT-x/AMD-V) is off", "enable VT-x/AMD-V (SVM) in the firmware setup"),
                Arguments.of("thread-startvm-svm-disabled.stderr", linux, List.of("startvm", "x"),
                        "hardware virtualisation (VT-x/AMD-V) is off", "firmware setup"),
                Arguments.of("thread-startvm-nem-vm-create-failed.stderr", win, List.of("startvm", "x"),
                        "another hypervisor holds VT-x/AMD-V", "bcdedit /set hypervisorlaunchtype off"),
                Arguments.of("thread-startvm-locked.stderr", win, List.of("startvm", "x"),
                        "another VirtualBox session holds the VM", "close the VM's window"),
                Arguments.of("createvm-name-taken.stderr", linux, List.of("createvm", "--name", "olt-vbox-errors-t3"),
                        "a VM folder of that name already exists: /tmp/vms/olt-vbox-errors-t3/olt-vbox-errors-t3.vbox",
                        "VBoxManage unregistervm NAME --delete"),
                Arguments.of("import-missing.stderr", linux, List.of("import", "/tmp/nothing-here.ova"),
                        "the appliance /tmp/nothing-here.ova does not exist", "check the profile's box"),
                Arguments.of("import-not-a-tar.stderr", linux, List.of("import", "/tmp/broken.ova"),
                        "damaged or incomplete", "download it again"),
                Arguments.of("import-truncated.stderr", linux, List.of("import", "/tmp/trunc.ova"),
                        "damaged or incomplete", "sha256"),
                Arguments.of("list-vbosvc-not-up.stderr", linux, List.of("list", "vms"),
                        "could not reach VirtualBox's service (VBoxSVC)", "VBoxSVC.log"),
                Arguments.of("controlvm-not-running.stderr", linux, List.of("controlvm", "t3", "poweroff"),
                        "the VM is not running", "olab resume"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("knownErrors")
    void eachKnownErrorHasOneLineOfCauseAndItsFix(String file, VBoxErrorHints.Host host, List<String> args, String cause,
            String fix) {
        Optional<VBoxError> e = explain(host, errors(file), args.toArray(String[]::new));

        assertThat(e).hasValueSatisfying(x -> {
            assertThat(x.cause()).contains(cause).doesNotContain("\n");
            assertThat(x.fix()).contains(fix);
        });
    }

    @Test
    void theDebianFixNeverNamesVboxconfigWhichDebianDoesNotShip() {
        VBoxError e = explain(DEBIAN, errors("hostonlyif-create-no-vboxnetctl.stderr"), "hostonlyif", "create").orElseThrow();

        assertThat(e.fix()).doesNotContain("vboxconfig");
        KernelDrivers oracle = new KernelDrivers(HostOs.LINUX, List.of("/dev/vboxdrv"), KernelDrivers.Packaging.ORACLE, false);
        assertThat(oracle.fix()).startsWith("sudo /sbin/vboxconfig");
    }

    @Test
    void aStartThatDiesWithTheDriversLoadedIsNotBlamedOnThem() {
        assertThat(explain(VBoxErrorHints.Host.of(HostOs.LINUX), errors("startvm-no-driver.stderr"), "startvm", "t1")).isEmpty();
    }

    @Test
    void theRangeRefusalOfTheReal72NamesTheAllowedRangesAndTheFileThatSetThem() {
        AllowedRanges tenOnly = AllowedRanges.parse("* 10.0.0.0/8\n", AllowedRanges.NETWORKS_CONF);
        VBoxErrorHints.Host host = new VBoxErrorHints.Host(HostOs.LINUX, KernelDrivers.loaded(HostOs.LINUX), tenOnly);

        VBoxError e = explain(host, errors("hostonlyif-ipconfig-denied.stderr"), "hostonlyif", "ipconfig", "vboxnet0", "--ip",
                "192.168.56.1", "--netmask", "255.255.255.0").orElseThrow();

        assertThat(e.cause()).isEqualTo("VirtualBox refused the host-only address 192.168.56.1 (E_ACCESSDENIED): it is outside"
                + " the ranges VirtualBox allows on this host, 10.0.0.0/8 (the '*' lines of /etc/vbox/networks.conf, which"
                + " replace VirtualBox's default 192.168.56.0/21) (FAILURE-MODES #10)");
        assertThat(e.fix()).isEqualTo("use a network inside 10.0.0.0/8 in the lab file, or add 192.168.56.0/24 to a '*'"
                + " line of /etc/vbox/networks.conf (as root), then run again");
    }

    @Test
    void unknownFailuresAreLeftUnexplained() {
        assertThat(explain(DEBIAN, "VBoxManage: error: something nobody has seen\n", "modifyvm", "x")).isEmpty();
    }

    @Test
    void aFailedStartIsExplainedFromTheVmsLog(@TempDir Path tmp) throws IOException {
        Path vbox = Files.createDirectories(tmp.resolve("t1")).resolve("t1.vbox");
        Files.createDirectories(tmp.resolve("t1/Logs"));
        Files.writeString(tmp.resolve("t1/Logs/VBox.log"), "00:00:00.602 HM: HMR3Init: Falling back to raw-mode\n"
                + "00:00:00.666 Power up failed (vrc=VERR_SVM_DISABLED, rc=NS_ERROR_FAILURE (0X80004005))\n");
        ExecResult r = new ExecResult(List.of("VBoxManage", "startvm", "t1", "--type", "headless"), 1,
                Fixtures.read("errors", "startvm-no-driver.stdout"), errors("startvm-no-driver.stderr"));
        VBoxManageException plain = new VBoxManageException(r, (VBoxError) null);

        VBoxManageException e = StartFailure.explain(plain, vbox.toString(), VBoxErrorHints.Host.of(HostOs.LINUX));

        assertThat(e.cause()).contains("hardware virtualisation (VT-x/AMD-V) is off").contains("(from " + tmp.resolve("t1/Logs/VBox.log"));
        assertThat(e.fix()).contains("firmware setup");
    }

    @Test
    void aFailedStartWithoutALogKeepsVirtualBoxsOwnWords(@TempDir Path tmp) {
        ExecResult r = new ExecResult(List.of("VBoxManage", "startvm", "t1"), 1, "", errors("startvm-no-driver.stderr"));
        VBoxManageException plain = new VBoxManageException(r, (VBoxError) null);

        assertThat(StartFailure.explain(plain, tmp.resolve("t1/t1.vbox").toString(), VBoxErrorHints.Host.of(HostOs.LINUX)))
                .isSameAs(plain);
    }
}
