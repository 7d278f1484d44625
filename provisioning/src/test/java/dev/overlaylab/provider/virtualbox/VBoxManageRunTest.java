package dev.overlaylab.provider.virtualbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.overlaylab.exec.ExecResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Failure detection, typed errors with hints, and the lock-only retry of the VBoxManage runner. */
class VBoxManageRunTest {

    private final FakeVirtualBox fake = new FakeVirtualBox(Fixtures.V70);
    private final List<Duration> pauses = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final VBoxManage vbox = new VBoxManage(FakeVirtualBox.PROGRAM, fake, 3, Duration.ofSeconds(2), pauses::add);

    {
        vbox.onNote(notes::add);
        fake.addVm("seeds-master", "poweroff");
    }

    @Test
    void lockErrorOnModifyvmIsRetriedAndEachAttemptIsLogged() {
        fake.failNext("modifyvm", "modifyvm-locked.stderr");
        fake.failNext("modifyvm", "modifyvm-locked.stderr");

        vbox.run(List.of("modifyvm", "seeds-master", "--memory", "1024"), VBoxManage.Retry.ON_LOCK);

        assertThat(fake.calls).hasSize(3);
        assertThat(fake.vms.get("seeds-master").memory).isEqualTo(1024);
        assertThat(notes).containsExactly(
                "VBoxManage modifyvm: the VM is still locked by the previous command; attempt 2/3 in 2 s",
                "VBoxManage modifyvm: the VM is still locked by the previous command; attempt 3/3 in 2 s");
        assertThat(pauses).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    @Test
    void lockErrorThatOutlastsTheAttemptsFailsWithItsEvidence() {
        for (int i = 0; i < 3; i++) {
            fake.failNext("modifyvm", "modifyvm-locked.stderr");
        }
        assertThatThrownBy(() -> vbox.run(List.of("modifyvm", "seeds-master", "--cpus", "2"), VBoxManage.Retry.ON_LOCK))
                .isInstanceOf(VBoxManageException.class)
                .hasMessageContaining("VBOX_E_INVALID_OBJECT_STATE")
                .hasMessageContaining("another VirtualBox session holds the VM")
                .hasMessageContaining("fix: close the VM's window or wait for the other command to end");
        assertThat(fake.calls).hasSize(3);
    }

    @Test
    void callsNotMarkedFlakyAreNeverRetried() {
        fake.failNext("modifyvm", "modifyvm-locked.stderr");
        assertThatThrownBy(() -> vbox.run(List.of("modifyvm", "seeds-master", "--cpus", "2")))
                .isInstanceOf(VBoxManageException.class);
        assertThat(fake.calls).hasSize(1);
        assertThat(notes).isEmpty();
    }

    @Test
    void outOfRangeHostOnlyAddressNamesFailureModeTenAndTheFix() {
        fake.failNext("hostonlyif", "hostonlyif-ipconfig-denied.stderr");
        List<String> args = List.of("hostonlyif", "ipconfig", "vboxnet0", "--ip", "10.10.0.1", "--netmask", "255.255.255.0");

        VBoxManageException e = (VBoxManageException) catchThrowable(() -> vbox.run(args, VBoxManage.Retry.ON_LOCK));

        assertThat(e.argv()).containsExactly(FakeVirtualBox.PROGRAM, "hostonlyif", "ipconfig", "vboxnet0", "--ip", "10.10.0.1",
                "--netmask", "255.255.255.0");
        assertThat(e.stderr()).contains("E_ACCESSDENIED");
        assertThat(e.cause()).isEqualTo("VBoxManage hostonlyif failed (exit 1): VirtualBox refused the host-only address"
                + " 10.10.0.1 (E_ACCESSDENIED): it is outside the ranges VirtualBox allows on this host, 192.168.56.0/21"
                + " (VirtualBox's default: /etc/vbox/networks.conf does not exist) (FAILURE-MODES #10)");
        assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("use a network inside 192.168.56.0/21")
                .contains("'* 192.168.56.0/21 10.10.0.0/24'"));
        assertThat(e.getMessage())
                .startsWith("command failed (exit 1): /usr/bin/VBoxManage hostonlyif ipconfig vboxnet0 --ip 10.10.0.1")
                .contains("EnableStaticIPConfig");
        assertThat(fake.calls).as("E_ACCESSDENIED without LockMachine is not a lock error").hasSize(1);
    }

    @Test
    void anyCallIsRepeatedWhenVirtualBoxsServiceWasNotUp() {
        List<Integer> calls = new ArrayList<>();
        String notUp = Fixtures.read("errors", "list-vbosvc-not-up.stderr");
        VBoxManage flaky = new VBoxManage("VBoxManage", (argv, env, t) -> {
            calls.add(1);
            return calls.size() < 3 ? new ExecResult(argv, 1, "", notUp) : new ExecResult(argv, 0, "\"t1\" {uuid}\n", "");
        }, 4, Duration.ofSeconds(2), d -> { });
        List<String> seen = new ArrayList<>();
        flaky.onNote(seen::add);

        ExecResult r = flaky.run(List.of("list", "vms"));

        assertThat(r.stdout()).isEqualTo("\"t1\" {uuid}\n");
        assertThat(calls).hasSize(3);
        assertThat(seen).containsExactly(
                "VBoxManage list: VirtualBox's service (VBoxSVC) was starting or stopping; attempt 2/4 in 2 s",
                "VBoxManage list: VirtualBox's service (VBoxSVC) was starting or stopping; attempt 3/4 in 2 s");
    }

    @Test
    void errorTextWithExitCodeZeroIsStillAFailure() {
        VBoxManage quiet = new VBoxManage("VBoxManage", (argv, env, t) -> new ExecResult(argv, 0, "",
                "VBoxManage: error: Machine 'x' is not currently running\n"), 1, Duration.ZERO, d -> { });
        assertThatThrownBy(() -> quiet.run(List.of("controlvm", "x", "acpipowerbutton")))
                .isInstanceOf(VBoxManageException.class)
                .hasMessageContaining("not currently running");
    }

    @Test
    void aMissingProgramIsReportedAsVirtualBoxUnavailable() {
        VBoxManage gone = new VBoxManage("/nowhere/VBoxManage", (argv, env, t) -> new ExecResult(argv, 127, "",
                "cannot start /nowhere/VBoxManage: No such file or directory"), 1, Duration.ZERO, d -> { });
        assertThatThrownBy(() -> gone.run(List.of("list", "vms")))
                .isInstanceOf(VirtualBoxUnavailableException.class)
                .hasMessageContaining("cannot run /nowhere/VBoxManage");
    }

    @Test
    void unknownMachineIsRecognisedAsNotFound() {
        VBoxDriver d = new VBoxDriver70(vbox, VBoxVersion.parse("7.0.20"), HostOs.LINUX);
        assertThat(d.vmInfo("seeds-node9")).isEmpty();
        assertThat(d.vmInfo("seeds-master")).isPresent();
    }

    private static Throwable catchThrowable(Runnable r) {
        try {
            r.run();
        } catch (Throwable t) {
            return t;
        }
        throw new AssertionError("expected a failure");
    }
}
