package dev.overlaylab.provider.virtualbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.progress.ProgressEvent.Status;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** up / down / lifecycle / plan against the recording fake VBoxManage; nothing runs VirtualBox. */
class VirtualBoxProviderTest extends FakeVBoxRig {
    private String ova() {
        return tmp.resolve("lab/xenial.ova").toAbsolutePath().toString();
    }

    private List<String> seedsCommands(String hostOnly) {
        return List.of(
                "import " + ova() + " --vsys 0 --vmname seeds-master",
                "modifyvm seeds-master --memory 1024 --cpus 1",
                "modifyvm seeds-master --nic1 nat --natpf1 ssh,tcp,127.0.0.1,2222,,22",
                "modifyvm seeds-master --nic2 hostonly --hostonlyadapter2 " + hostOnly + " --cableconnected2 on",
                "import " + ova() + " --vsys 0 --vmname seeds-worker",
                "modifyvm seeds-worker --memory 1024 --cpus 1",
                "modifyvm seeds-worker --nic1 nat --natpf1 ssh,tcp,127.0.0.1,2223,,22",
                "modifyvm seeds-worker --nic2 hostonly --hostonlyadapter2 " + hostOnly + " --cableconnected2 on",
                "startvm seeds-master --type headless",
                "startvm seeds-worker --type headless");
    }

    @Test
    void upOnACleanLinuxHostRunsTheSeedsLayoutInOrder() {
        FakeVirtualBox fake = new FakeVirtualBox(Fixtures.V61);

        List<Node> nodes = provider(fake, HostOs.LINUX, true).up(seeds, events::add);

        List<String> expected = new ArrayList<>(List.of(
                "hostonlyif create",
                "hostonlyif ipconfig vboxnet0 --ip 192.168.56.1 --netmask 255.255.255.0"));
        expected.addAll(seedsCommands("vboxnet0"));
        assertThat(fake.changeLines()).containsExactlyElementsOf(expected);
        assertThat(nodes).extracting(n -> n.ssh().host() + ":" + n.ssh().port() + " as " + n.ssh().user())
                .containsExactly("127.0.0.1:2222 as vagrant", "127.0.0.1:2223 as vagrant");
        assertThat(nodes).extracting(Node::ip).containsExactly("192.168.56.101", "192.168.56.102");
        assertThat(fake.vms.get("seeds-master").state).isEqualTo("running");
        assertThat(LabState.load(tmp.resolve("state"), "seeds").createdInterfaces()).containsExactly("vboxnet0");
        assertThat(events).anyMatch(e -> e.status() == Status.SKIPPED && e.step().equals("install lab key"));
    }

    @Test
    void upTwiceChangesNothing() {
        FakeVirtualBox fake = new FakeVirtualBox(Fixtures.V70);
        VirtualBoxProvider p = provider(fake, HostOs.LINUX, true);
        p.up(seeds, events::add);
        int changes = fake.changes().size();
        events.clear();

        List<Node> again = p.up(seeds, events::add);

        assertThat(fake.changes()).hasSize(changes);
        assertThat(again).extracting(n -> n.ssh().port()).containsExactly(2222, 2223);
        assertThat(events).filteredOn(e -> e.step().equals("create VM") || e.step().equals("start VM"))
                .allMatch(e -> e.status() == Status.UNCHANGED);
    }

    @Test
    void upReusesAMatchingHostOnlyInterfaceAndAvoidsPortsOtherVmsForward() {
        FakeVirtualBox fake = new FakeVirtualBox(Fixtures.V72);
        fake.hostOnlyIfs.add(new FakeVirtualBox.HostOnly("vboxnet0", "192.168.57.1", "255.255.255.0"));
        fake.hostOnlyIfs.add(new FakeVirtualBox.HostOnly("vboxnet1", "192.168.56.1", "255.255.255.0"));
        fake.addVm("dev box (old)", "poweroff").forwards.add("ssh,tcp,127.0.0.1,2222,,22");

        List<Node> nodes = provider(fake, HostOs.LINUX, true).up(seeds, events::add);

        assertThat(fake.changeLines()).noneMatch(l -> l.startsWith("hostonlyif"))
                .contains("modifyvm seeds-master --nic2 hostonly --hostonlyadapter2 vboxnet1 --cableconnected2 on");
        assertThat(nodes).extracting(n -> n.ssh().port()).containsExactly(2223, 2224);
        assertThat(LabState.load(tmp.resolve("state"), "seeds").createdInterfaces()).isEmpty();
    }

    @Test
    void aBaseVmWithASnapshotIsLinkCloned() {
        FakeVirtualBox fake = new FakeVirtualBox(Fixtures.V70);
        FakeVirtualBox.Vm base = fake.addVm("ubuntu-xenial-base", "poweroff");
        base.snapshots.add("clean");
        base.currentSnapshot = "clean";
        VirtualBoxProvider p = new VirtualBoxProvider(context(settings(tmp), fake, HostOs.LINUX, true,
                "ubuntu-xenial-base"));

        p.up(seeds, events::add);

        assertThat(fake.changeLines()).contains(
                "clonevm ubuntu-xenial-base --snapshot clean --options link --name seeds-master --register",
                "clonevm ubuntu-xenial-base --snapshot clean --options link --name seeds-worker --register");
    }

    @Test
    void outOfRangeNetworkStopsBeforeAnythingIsCreated() {
        FakeVirtualBox fake = new FakeVirtualBox(Fixtures.V61);
        Lab tenNet = TestLabs.seeds("10.10.0.0/24", seeds.source());

        assertThatThrownBy(() -> provider(fake, HostOs.LINUX, true).up(tenNet, events::add))
                .isInstanceOf(VirtualBoxPreflightException.class)
                .hasMessageStartingWith("VirtualBox cannot start lab 'seeds' (nothing was created):\n- host-only network 10.10.0.0/24")
                .hasMessageContaining("FAILURE-MODES #10");
        assertThat(fake.changes()).isEmpty();
    }

    @Test
    void downRemovesTheLabsVmsAndTheInterfaceItCreated() {
        FakeVirtualBox fake = new FakeVirtualBox(Fixtures.V70);
        VirtualBoxProvider p = provider(fake, HostOs.LINUX, true);
        fake.addVm("ubuntu-xenial-base", "poweroff");
        p.up(seeds, events::add);
        int before = fake.changes().size();

        p.down(seeds, events::add);

        assertThat(fake.changeLines().subList(before, fake.changes().size())).containsExactly(
                "controlvm seeds-master poweroff",
                "unregistervm seeds-master --delete",
                "controlvm seeds-worker poweroff",
                "unregistervm seeds-worker --delete",
                "hostonlyif remove vboxnet0");
        assertThat(fake.vms).containsOnlyKeys("ubuntu-xenial-base");
        assertThat(fake.hostOnlyIfs).isEmpty();
        assertThat(tmp.resolve("state/seeds/virtualbox.properties")).doesNotExist();
    }

    @Test
    void downKeepsACreatedInterfaceThatAnotherVmNowUses() {
        FakeVirtualBox fake = new FakeVirtualBox(Fixtures.V70);
        VirtualBoxProvider p = provider(fake, HostOs.LINUX, true);
        p.up(seeds, events::add);
        fake.addVm("someone-else", "poweroff").hostOnly = "vboxnet0";

        p.down(seeds, events::add);

        assertThat(fake.hostOnlyIfs).extracting(FakeVirtualBox.HostOnly::name).containsExactly("vboxnet0");
        assertThat(events).anyMatch(e -> e.status() == Status.SKIPPED && e.message().contains("another VM uses it now"));
        assertThat(LabState.load(tmp.resolve("state"), "seeds").createdInterfaces()).containsExactly("vboxnet0");
    }

    @Test
    void downOfALabThatNeverCameUpChangesNothing() {
        FakeVirtualBox fake = new FakeVirtualBox(Fixtures.V61);
        provider(fake, HostOs.LINUX, true).down(seeds, events::add);
        assertThat(fake.changes()).isEmpty();
    }

    @Test
    void macOsOnSevenUsesAHostOnlyNetworkAndDownRemovesIt() {
        FakeVirtualBox fake = new FakeVirtualBox(Fixtures.V70);
        fake.bridgedIfsFile = "list-bridgedifs-macos.txt";
        fake.os = HostOs.MACOS;
        VirtualBoxProvider p = provider(fake, HostOs.MACOS, true);

        p.up(seeds, events::add);

        assertThat(fake.changeLines()).startsWith(
                "hostonlynet add --name olab-seeds --netmask 255.255.255.0 --lower-ip 192.168.56.0 --upper-ip 192.168.56.0 --enable");
        assertThat(fake.changeLines())
                .contains("modifyvm seeds-worker --nic2 hostonlynet --host-only-net2 olab-seeds --cableconnected2 on")
                .noneMatch(l -> l.startsWith("hostonlyif"));

        p.down(seeds, events::add);
        assertThat(fake.changeLines()).endsWith("hostonlynet remove --name olab-seeds");
        assertThat(fake.hostOnlyNets).isEmpty();
    }

    @Test
    void dryRunWithoutVirtualBoxListsExactlyTheCommandsUpRuns() {
        List<String> plan = provider(new FakeVirtualBox(Fixtures.V72), HostOs.LINUX, false).plan(seeds);

        assertThat(plan.get(0)).startsWith("# VBoxManage was not found on this machine: commands shown for VirtualBox 7.2");
        assertThat(plan).contains(
                "VBoxManage hostonlyif create  # (VirtualBox names it; called vboxnetN below)",
                "VBoxManage modifyvm seeds-master --nic1 nat --natpf1 ssh,tcp,127.0.0.1,2222,,22  # (port chosen at run time)",
                "VBoxManage startvm seeds-worker --type headless");

        FakeVirtualBox fake = new FakeVirtualBox(Fixtures.V72);
        provider(fake, HostOs.LINUX, true).up(seeds, events::add);
        List<String> planned = plan.stream()
                .filter(l -> l.startsWith("VBoxManage ") && !l.startsWith("VBoxManage list") && !l.startsWith("VBoxManage --version"))
                .map(l -> l.replaceAll("  # .*$", "").substring("VBoxManage ".length()).replace("vboxnetN", "vboxnet0")
                        .replace("'" + ova() + "'", ova()))
                .toList();
        assertThat(planned).containsExactlyElementsOf(fake.changeLines());
    }

    @Test
    void dryRunWithVirtualBoxShowsWhatWouldBeReused() {
        FakeVirtualBox fake = new FakeVirtualBox(Fixtures.V70);
        fake.hostOnlyIfs.add(new FakeVirtualBox.HostOnly("vboxnet3", "192.168.56.1", "255.255.255.0"));
        fake.addVm("seeds-master", "running").forwards.add("ssh,tcp,127.0.0.1,2222,,22");

        List<String> plan = provider(fake, HostOs.LINUX, true).plan(seeds);

        assertThat(plan.get(0)).isEqualTo("# VirtualBox 7.0.20 (VBoxDriver70), " + FakeVirtualBox.PROGRAM);
        assertThat(plan).contains("# host-only interface vboxnet3 is already on 192.168.56.0/24: reused",
                "# seeds-master exists (running): not created again");
        assertThat(plan).noneMatch(l -> l.contains("startvm seeds-master"));
        assertThat(fake.changes()).as("the dry run changes nothing").isEmpty();
    }

    @Test
    void dryRunOnAnUnsupportedVirtualBoxStillShowsTheCommandsAndWhy() {
        FakeVirtualBox fake = new FakeVirtualBox(Fixtures.V61);
        fake.versionOutput = "6.0.24r139119\n";

        List<String> plan = provider(fake, HostOs.LINUX, true).plan(seeds);

        assertThat(plan.get(0)).startsWith("# VirtualBox here cannot be used (VirtualBox 6.0.24 is too old for Overlay Lab")
                .endsWith("commands shown for VirtualBox 7.2; 'up' picks the driver from 'VBoxManage --version'");
        assertThat(plan).contains("VBoxManage startvm seeds-master --type headless");
        assertThat(fake.calls).containsExactly(List.of("--version"));
    }

    @Test
    void haltPressesThePowerButtonAndWaitsForPoweroff() {
        FakeVirtualBox fake = new FakeVirtualBox(Fixtures.V70);
        VirtualBoxProvider p = provider(fake, HostOs.LINUX, true);
        p.up(seeds, events::add);
        int before = fake.changes().size();

        p.lifecycle(seeds).halt(events::add);

        assertThat(fake.changeLines().subList(before, fake.changes().size()))
                .containsExactly("controlvm seeds-master acpipowerbutton", "controlvm seeds-worker acpipowerbutton");
        assertThat(fake.vms.values()).allMatch(v -> v.state.equals("poweroff"));
        assertThat(events).anyMatch(e -> e.message().equals("seeds-master shut down cleanly"));
    }

    @Test
    void haltPullsThePlugWhenTheGuestIgnoresAcpi() {
        FakeVirtualBox fake = new FakeVirtualBox(Fixtures.V70);
        VirtualBoxProvider p = provider(fake, HostOs.LINUX, true);
        p.up(seeds, events::add);
        fake.acpiShutdownReads = -1;
        int before = fake.changes().size();

        p.lifecycle(seeds).halt(events::add);

        assertThat(fake.changeLines().subList(before, fake.changes().size())).containsExactly(
                "controlvm seeds-master acpipowerbutton", "controlvm seeds-master poweroff",
                "controlvm seeds-worker acpipowerbutton", "controlvm seeds-worker poweroff");
        assertThat(events).anyMatch(e -> e.message().startsWith("seeds-worker ignored the ACPI power button for 60 s"));
    }

    @Test
    void snapshotRestoreNeedsEveryVmOffAndNamesTheRunningOnes() {
        FakeVirtualBox fake = new FakeVirtualBox(Fixtures.V61);
        VirtualBoxProvider p = provider(fake, HostOs.LINUX, true);
        p.up(seeds, events::add);
        VirtualBoxLifecycle life = p.lifecycle(seeds);
        life.snapshotSave("after-provision", events::add);

        assertThatThrownBy(() -> life.snapshotRestore("after-provision", events::add))
                .hasMessageContaining("seeds-master is running (a snapshot can only be restored on a VM that is off)")
                .hasMessageContaining("olab halt");
        assertThatThrownBy(() -> life.snapshotRestore("no-such", events::add))
                .hasMessageContaining("seeds-worker has no snapshot 'no-such' (it has: after-provision)");

        life.halt(events::add);
        life.snapshotRestore("after-provision", events::add);
        life.resume(events::add);

        assertThat(fake.changeLines()).containsSubsequence(
                "snapshot seeds-master take after-provision", "snapshot seeds-worker take after-provision",
                "snapshot seeds-master restore after-provision", "snapshot seeds-worker restore after-provision",
                "startvm seeds-master --type headless", "startvm seeds-worker --type headless");
        assertThat(life.snapshots()).containsEntry("master", List.of("after-provision"));
    }

    @Test
    void missingVirtualBoxIsTheReasonTheProviderIsUnavailable() {
        assertThat(provider(new FakeVirtualBox(Fixtures.V61), HostOs.LINUX, false).unavailableReason())
                .hasValueSatisfying(r -> assertThat(r).startsWith("VirtualBox is not installed here"));
        assertThat(provider(new FakeVirtualBox(Fixtures.V61), HostOs.LINUX, true).unavailableReason()).isEmpty();
    }
}
