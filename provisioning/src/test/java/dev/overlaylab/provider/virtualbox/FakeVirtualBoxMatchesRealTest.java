package dev.overlaylab.provider.virtualbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.provider.virtualbox.parse.VBoxLists;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fake answers as the real 7.2.22 did in the recordings, where the provider's tests rely on it. */
class FakeVirtualBoxMatchesRealTest {
    private final FakeVirtualBox fake = new FakeVirtualBox(Fixtures.V72);

    private ExecResult run(String... args) {
        List<String> argv = new ArrayList<>(List.of(FakeVirtualBox.PROGRAM));
        argv.addAll(List.of(args));
        return fake.run(argv, Map.of(), Duration.ofSeconds(1));
    }

    @Test
    void controlvmOnAStoppedVmFailsAsTheRealOne() {
        fake.addVm("seeds-master", "poweroff");

        ExecResult r = run("controlvm", "seeds-master", "poweroff");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr()).isEqualTo(Fixtures.read(Fixtures.V72, "controlvm-not-running.stderr"));
    }

    @Test
    void progressGoesToStderrAndTheResultToStdout() {
        ExecResult imported = run("import", "/tmp/x.ova", "--vsys", "0", "--vmname", "n1");
        assertThat(imported.stderr()).isEqualTo(FakeVirtualBox.PROGRESS);
        assertThat(imported.stdout()).endsWith("Successfully imported the appliance.\n").doesNotContain("%");

        ExecResult snap = run("snapshot", "n1", "take", "s1");
        assertThat(snap.stderr()).isEqualTo(FakeVirtualBox.PROGRESS);
        assertThat(snap.stdout()).startsWith("Snapshot taken. UUID: ");
    }

    @Test
    void hostOnlyNetworksAreRejectedOnLinuxAsByTheRealOne() {
        ExecResult list = run("list", "hostonlynets");
        assertThat(list.exitCode()).isEqualTo(2);
        assertThat(Fixtures.read(Fixtures.V72, "list-hostonlynets-linux.stderr")).contains(list.stderr().strip());
        assertThat(run("hostonlynet", "add", "--name", "x").stderr()).contains("Invalid command 'hostonlynet'");

        fake.os = HostOs.MACOS;
        assertThat(run("list", "hostonlynets").ok()).isTrue();
    }

    @Test
    void anInterfaceWithoutAddressIsListedAsTheRealOneListsIt() {
        fake.hostOnlyIfs.add(new FakeVirtualBox.HostOnly("vboxnet0", "", ""));

        assertThat(VBoxLists.hostOnlyIfs(run("list", "hostonlyifs").stdout()))
                .isEqualTo(VBoxLists.hostOnlyIfs(Fixtures.read(Fixtures.V72, "list-hostonlyifs-no-address.txt")));
    }
}
