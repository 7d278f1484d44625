package dev.overlaylab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.etcd.EtcdException;
import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.node.NodeLayout;
import dev.overlaylab.progress.ProgressEvent.Status;
import dev.overlaylab.progress.ProgressEvent;
import dev.overlaylab.progress.ProgressListener;
import dev.overlaylab.provider.virtualbox.VBoxError;
import dev.overlaylab.provider.virtualbox.VBoxManageException;
import dev.overlaylab.provider.virtualbox.VirtualBoxPreflightException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineTest {
    @TempDir
    Path tmp;
    FakeLab fake;
    final List<ProgressEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void lab() throws Exception {
        Path flanneld = tmp.resolve("flanneld");
        Files.write(flanneld, new byte[] {0x7f, 'E', 'L', 'F', 1, 2, 3});
        fake = new FakeLab(flanneld);
    }

    private RunResult up() {
        events.clear();
        return fake.up(RunOptions.defaults(), events::add);
    }

    private List<ProgressEvent> results() {
        return events.stream().filter(e -> e.status() != Status.STARTED && e.status() != Status.PROGRESS).toList();
    }

    @Test
    void firstUpBuildsTheLabAsTheSeedsDo() {
        RunResult r = up();

        assertThat(r.ok()).as(r.failures().toString()).isTrue();
        assertThat(fake.etcd.value()).isEqualTo(FakeLab.CONFIG);
        assertThat(fake.node1.docker0).isEqualTo("10.1.15.1/24");
        assertThat(fake.node2.docker0).isEqualTo("10.1.71.1/24");
        assertThat(fake.node2.hostname).isEqualTo("node2");
        assertThat(fake.node2.addresses).containsExactly("192.168.56.102/24");
        assertThat(fake.node1.files.get(FakeLab.FLANNELD)).startsWith(0x7f, 'E');
        assertThat(fake.node1.active).containsEntry("etcd", true).containsEntry("flanneld", true).containsEntry("docker", true);
        assertThat(fake.node2.active).doesNotContainKey("etcd");
        // docker ran on 172.17 before flanneld (FAILURE-MODES #7): it was stopped before flanneld started
        List<String> c = fake.node2.commands;
        assertThat(c.indexOf("systemctl stop docker")).isLessThan(c.indexOf("systemctl restart flanneld"));
        assertThat(fake.node1.file(NodeLayout.PENDING_FILE)).as("nothing left owed").isNull();
        assertThat(fake.node2.podImage).as("pod image made for the verification").isTrue();
        // the profile's packages, etcd only where etcd runs
        assertThat(fake.node1.installs).singleElement().satisfies(l -> assertThat(l).contains("docker.io").contains("etcd"));
        assertThat(fake.node2.installs).singleElement().satisfies(l -> assertThat(l).contains("docker.io").doesNotContain("etcd"));
    }

    @Test
    void upTwiceChangesNothing() {
        assertThat(up().ok()).isTrue();
        fake.forget();

        RunResult second = up();

        assertThat(second.ok()).isTrue();
        assertThat(second.changed()).isZero();
        assertThat(second.restarts()).isEmpty();
        assertThat(results()).allSatisfy(e -> assertThat(e.status()).as(e.stage() + "/" + e.node() + "/" + e.step() + ": " + e.message())
                .isIn(Status.UNCHANGED, Status.SKIPPED));
        for (FakeNode n : fake.nodes.values()) {
            assertThat(n.restarts()).as(n.name).isEmpty();
            assertThat(n.writes).as(n.name).isEmpty();
            assertThat(n.commands).as(n.name).noneMatch(cmd -> cmd.contains("daemon-reload") || cmd.startsWith("systemctl stop"));
        }
    }

    @Test
    void docker0WithTheLeasedAddressButAnotherPrefixIsRepairedNotCalledUnchanged() {
        assertThat(up().ok()).isTrue();
        fake.forget();
        // the old step compared only the address, so up said "unchanged" here while verify failed
        fake.node2.docker0 = "10.1.71.1/16";

        RunResult again = up();

        assertThat(again.ok()).as(again.failures().toString()).isTrue();
        assertThat(fake.node2.docker0).isEqualTo("10.1.71.1/24");
        // the stale-docker step applies the same rule: docker is stopped and started again with the drop-in
        assertThat(fake.node2.restarts()).containsExactly("systemctl start docker");
        assertThat(results()).filteredOn(e -> e.step().equals("stop stale docker") && e.node().equals("node2"))
                .singleElement().satisfies(e -> assertThat(e.status()).isEqualTo(Status.CHANGED));
        assertThat(results()).filteredOn(e -> e.node().equals("node1")).allSatisfy(e -> assertThat(e.status()).isNotEqualTo(Status.CHANGED));
    }

    @Test
    void aDeliberateRestartFirstClearsSystemdsStartRateLimit() {
        assertThat(up().ok()).isTrue();
        fake.forget();
        fake.dockerDropIn = fake.dockerDropIn + "LimitNOFILE=1048576\n";

        assertThat(up().ok()).isTrue();

        for (FakeNode n : fake.nodes.values()) {
            assertThat(n.commands).as(n.name).containsSubsequence("systemctl reset-failed docker", "systemctl restart docker");
            assertThat(n.commands).as(n.name).doesNotContain("systemctl reset-failed flanneld");
        }
    }

    @Test
    void aStartThatCouldNotJoinItsCgroupIsStartedAgain() {
        assertThat(up().ok()).isTrue();
        fake.dockerDropIn = fake.dockerDropIn + "LimitNOFILE=1048576\n";
        fake.node2.failOnceOn("systemctl restart docker", 1, "Job for docker.service failed because the control process exited with error code.");
        fake.node2.journal = "node2 systemd[1]: docker.service: Main process exited, code=exited, status=219/CGROUP\n";
        fake.forget();

        RunResult r = up();

        assertThat(r.ok()).as(r.failures().toString()).isTrue();
        assertThat(fake.node2.commands).containsSubsequence("systemctl restart docker", "systemctl stop docker", "systemctl reset-failed docker", "systemctl start docker");
        assertThat(events).anyMatch(e -> e.status() == Status.PROGRESS && e.message().contains("219/CGROUP"));
    }

    @Test
    void aFailedStartForAnotherReasonIsNotRetriedAndShowsTheJournalsEnd() {
        assertThat(up().ok()).isTrue();
        fake.dockerDropIn = fake.dockerDropIn + "LimitNOFILE=1048576\n";
        fake.node2.failOn("systemctl restart docker", 1, "Job for docker.service failed because the control process exited with error code.");
        fake.node2.journal = "early line\n".repeat(400) + "dockerd: failed to start daemon: the real reason\n";
        fake.forget();

        RunResult r = up();

        assertThat(r.ok()).isFalse();
        assertThat(fake.node2.commands).doesNotContain("systemctl start docker");
        assertThat(r.failures()).singleElement().satisfies(f -> assertThat(f.evidence()).contains("the real reason").hasSizeLessThan(1700));
    }

    @Test
    void templateChangeRestartsOnlyReaders() {
        assertThat(up().ok()).isTrue();
        fake.forget();
        fake.dockerDropIn = fake.dockerDropIn + "LimitNOFILE=1048576\n";

        RunResult r = up();

        assertThat(r.ok()).isTrue();
        assertThat(r.restarts()).containsExactly("node1: docker", "node2: docker");
        for (FakeNode n : fake.nodes.values()) {
            assertThat(n.restarts()).as(n.name).containsExactly("systemctl restart docker");
            assertThat(n.writes).as(n.name).contains(FakeLab.DROP_IN).doesNotContain(FakeLab.FLANNEL_UNIT, FakeLab.ETCD_DEFAULT);
            assertThat(n.commands).as(n.name).containsOnlyOnce("systemctl daemon-reload");
        }
    }

    @Test
    void foreignFileKeptAsBackup() {
        String debians = "ETCD_NAME=default\n";
        fake.node1.files.put(FakeLab.ETCD_DEFAULT, debians.getBytes());

        assertThat(up().ok()).isTrue();
        assertThat(fake.node1.file(FakeLab.ETCD_DEFAULT + ".olab-bak")).isEqualTo(debians);
        assertThat(fake.node1.file(FakeLab.ETCD_DEFAULT)).isEqualTo(fake.etcdDefault);
        assertThat(results()).anySatisfy(e -> assertThat(e.message()).contains("kept the previous files as /etc/default/etcd.olab-bak"));

        // our own earlier output is not foreign: changing it again keeps the original backup
        fake.etcdDefault = fake.etcdDefault + "ETCD_ENABLE_V2=\"true\"\n";
        assertThat(up().ok()).isTrue();
        assertThat(fake.node1.file(FakeLab.ETCD_DEFAULT + ".olab-bak")).isEqualTo(debians);
        assertThat(fake.node1.restarts()).contains("systemctl restart etcd");
    }

    @Test
    void failureNamesNodeStepCommandAndStderr() {
        fake.node2.failOn("systemctl restart flanneld", 1,
                "Job for flanneld.service failed because the control process exited with error code.");

        RunResult r = up();

        assertThat(r.ok()).isFalse();
        assertThat(r.failures()).singleElement().satisfies(f -> {
            assertThat(f.node()).isEqualTo("node2");
            assertThat(f.stage()).isEqualTo("flanneld");
            assertThat(f.step()).isEqualTo("flannel service");
            assertThat(f.command()).isEqualTo("systemctl restart flanneld");
            assertThat(f.evidence()).contains("Job for flanneld.service failed").contains("journal of node2");
            assertThat(f.fix()).isNotBlank();
            assertThat(f.describe()).startsWith("node2: flanneld / flannel service failed: flanneld did not start (exit 1)");
        });
        // the other node finished the stage; no node went on to the docker stage
        assertThat(fake.node1.file("/run/flannel/subnet.env")).contains("FLANNEL_SUBNET=10.1.15.1/24");
        assertThat(events).noneMatch(e -> e.stage().equals("docker"));
        assertThat(results()).filteredOn(e -> e.status() == Status.FAILED).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("node2").contains("systemctl restart flanneld"));
    }

    @Test
    void nextUpAfterAFailureCompletesTheLab() {
        fake.node2.failOn("systemctl daemon-reload", 1, "Failed to reload daemon: Connection timed out");
        assertThat(up().ok()).isFalse();
        // the flanneld unit was written but never reloaded: the debt is recorded on the node itself
        assertThat(fake.node2.file(NodeLayout.PENDING_FILE)).contains("daemon-reload").contains("restart flanneld");
        fake.node2.heal();
        fake.forget();

        RunResult again = up();

        assertThat(again.ok()).as(again.failures().toString()).isTrue();
        assertThat(fake.node2.commands).contains("systemctl daemon-reload");
        assertThat(fake.node2.docker0).isEqualTo("10.1.71.1/24");
        assertThat(fake.node2.file(NodeLayout.PENDING_FILE)).isNull();
    }

    @Test
    void bookkeepingCommandFailureStillShowsCommandAndStderr() {
        fake.node1.failOn("rm -f " + NodeLayout.PENDING_FILE, 1, "rm: cannot remove: Read-only file system");

        RunResult r = up();

        assertThat(r.failures()).singleElement().satisfies(f -> {
            assertThat(f.node()).isEqualTo("node1");
            assertThat(f.command()).contains("rm -f " + NodeLayout.PENDING_FILE);
            assertThat(f.evidence()).isEqualTo("rm: cannot remove: Read-only file system");
            assertThat(f.fix()).contains("run up again");
        });
    }

    @Test
    void nodeLostMidStageNamesTheNode() {
        fake.node2.reachable = false;

        RunResult r = up();

        assertThat(r.failures()).singleElement().satisfies(f -> {
            assertThat(f.node()).isEqualTo("node2");
            assertThat(f.what()).contains("connection to node2 lost");
            assertThat(f.fix()).contains("run up again");
        });
    }

    @Test
    void aRecognisedVBoxManageFailureShowsItsOwnCauseAndFix() {
        ExecResult r = new ExecResult(List.of("VBoxManage", "hostonlyif", "create"), 1, "",
                "VBoxManage: error: VBoxNetAdpCtl: Error while adding new interface: failed to open /dev/vboxnetctl: No such file"
                        + " or directory");
        fake.provider.upFails = new VBoxManageException(r, new VBoxError("VirtualBox's kernel drivers are not loaded",
                "sudo apt install virtualbox-dkms linux-headers-$(uname -r), then sudo modprobe vboxdrv vboxnetadp vboxnetflt"));

        RunResult result = up();

        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.what()).isEqualTo("VBoxManage hostonlyif failed (exit 1): VirtualBox's kernel drivers are not loaded");
            assertThat(f.command()).isEqualTo("VBoxManage hostonlyif create");
            assertThat(f.evidence()).contains("failed to open /dev/vboxnetctl");
            assertThat(f.fix()).isEqualTo("sudo apt install virtualbox-dkms linux-headers-$(uname -r), then sudo modprobe"
                    + " vboxdrv vboxnetadp vboxnetflt");
            assertThat(f.describe()).doesNotContain("fix the cause shown");
        });
    }

    @Test
    void aPreflightRefusalIsShownAsItIsWithNoSecondFixLine() {
        fake.provider.upFails = new VirtualBoxPreflightException("seeds-lab", List.of(
                "VirtualBox's kernel drivers are not loaded (/dev/vboxdrv does not exist).\n  fix: sudo modprobe vboxdrv."));

        RunResult result = up();

        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.what()).startsWith("VirtualBox cannot start lab 'seeds-lab' (nothing was created):\n- VirtualBox's"
                    + " kernel drivers are not loaded");
            assertThat(f.fix()).isEmpty();
            assertThat(f.describe()).doesNotContain("check that").doesNotContain("fix the cause shown");
        });
    }

    /** The reported case: the node's address is on host0, the profile's host-only NIC is enp0s8. */
    @Test
    void anAddressOnAnotherNicStopsBeforeAnyFileIsWrittenForTheProfilesNic() {
        fake.node2.addressNic = "host0";
        fake.node2.addresses.add("192.168.56.102/24");

        RunResult r = up();

        assertThat(r.failures()).singleElement().satisfies(f -> {
            assertThat(f.node()).isEqualTo("node2");
            assertThat(f.what()).contains("192.168.56.102 is on host0, not on enp0s8");
            assertThat(f.fix()).contains("hostOnlyNic is host0");
        });
        assertThat(fake.node2.files).doesNotContainKey("/etc/network/interfaces.d/enp0s8");
    }

    @Test
    void aMissingProfileNicWithTheAddressNowhereStops() {
        fake.node2.addressNic = "host0";   // enp0s8 absent; no address yet

        RunResult r = up();

        assertThat(r.failures()).singleElement().satisfies(f ->
                assertThat(f.what()).contains("192.168.56.102 is on no interface and enp0s8 (the profile's host-only NIC) does not exist here"));
        assertThat(fake.node2.files).doesNotContainKey("/etc/network/interfaces.d/enp0s8");
    }

    @Test
    void dryRunTouchesNothing() {
        events.clear();
        RunResult r = fake.up(RunOptions.defaults().withDryRun(true), events::add);

        assertThat(r.ok()).isTrue();
        assertThat(fake.shellsOpened).hasValue(0);
        assertThat(fake.provider.ups).hasValue(0);
        assertThat(fake.etcd.value()).isNull();
        assertThat(events).isNotEmpty().allSatisfy(e -> assertThat(e.status()).isEqualTo(Status.PLANNED));
        assertThat(events).anySatisfy(e -> assertThat(e.message()).contains("start node1"));
        assertThat(events).anySatisfy(e -> assertThat(e.message()).contains("write " + FakeLab.DROP_IN + " 0644 (restarts docker if changed)"));
    }

    @Test
    void stagesRunInTheSeedsOrder() {
        List<String> order = List.of("nodes", "base", "etcd", "network-config", "flanneld", "docker", "verify");
        assertThat(Pipelines.up().stream().map(Stage::id).distinct().toList()).isEqualTo(List.of("nodes", "base", "etcd",
                "network-config", "flanneld", "docker", "kube-binaries", "control-plane", "kubelet", "kube-ready", "verify"));
        // a lab without a kubernetes: section runs exactly the stages it always ran

        up();
        List<String> seen = events.stream().map(ProgressEvent::stage).distinct().toList();
        assertThat(seen).isEqualTo(order);
        // etcd runs only on the master
        assertThat(events).filteredOn(e -> e.stage().equals("etcd")).allSatisfy(e -> assertThat(e.node()).isEqualTo("node1"));
    }

    @Test
    void differentNetworkConfigIsRefusedUnlessForced() {
        fake.etcd.put("{\"Network\":\"172.30.0.0/16\"}");

        RunResult r = up();
        assertThat(r.failures()).singleElement().satisfies(f -> {
            assertThat(f.stage()).isEqualTo("network-config");
            assertThat(f.evidence()).contains("172.30.0.0/16").contains(FakeLab.CONFIG);
            assertThat(f.fix()).contains("--force");
        });
        assertThat(fake.etcd.value()).contains("172.30.0.0/16");

        RunResult forced = fake.up(RunOptions.defaults().withForce(true), ProgressListener.NONE);
        assertThat(forced.ok()).isTrue();
        assertThat(fake.etcd.value()).isEqualTo(FakeLab.CONFIG);
    }

    @Test
    void aConfigReadThatFailsStopsTheRunAndOverwritesNothingEvenWhenForced() {
        fake.etcd.put("{\"Network\":\"172.30.0.0/16\"}");
        fake.etcd.readFailure = new EtcdException("10.0.0.1:2379", "read /coreos.com/network/config failed",
                "check etcd runs on the master", null);

        RunResult r = fake.up(RunOptions.defaults().withForce(true), ProgressListener.NONE);
        assertThat(r.ok()).isFalse();
        assertThat(r.failures()).singleElement().satisfies(f -> {
            assertThat(f.stage()).isEqualTo("network-config");
            assertThat(f.what()).contains("read /coreos.com/network/config failed");
        });
        fake.etcd.readFailure = null;
        assertThat(fake.etcd.value()).isEqualTo("{\"Network\":\"172.30.0.0/16\"}");
    }

    @Test
    void aProviderThatCannotRunHereFailsWithItsReasonAndNoNodeAdvice() {
        fake.provider.unavailable = Optional.of("the local provider needs root: run as root or use sudo");

        RunResult r = up();

        assertThat(fake.provider.ups).hasValue(0);
        assertThat(r.failures()).singleElement().satisfies(f -> {
            assertThat(f.stage()).isEqualTo("nodes");
            assertThat(f.node()).isEmpty();
            assertThat(f.what()).contains("the local provider needs root: run as root or use sudo");
            assertThat(f.describe()).doesNotContain("reachable", "node1", "node2");
        });
    }

    @Test
    void anUnexpectedErrorInALabWideStepGivesNoNodesFix() {
        fake.provider.upFails = new IllegalStateException("the lab's bridge could not be made");

        RunResult r = up();

        assertThat(r.failures()).singleElement().satisfies(f -> {
            assertThat(f.what()).isEqualTo("the lab's bridge could not be made");
            assertThat(f.fix()).doesNotContain("running and reachable");
        });
    }
}
