package dev.overlaylab.provider.virtualbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.progress.ProgressEvent.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The host-only side of {@code up} as the real 7.2 behaves on Linux (defects #1 and #6 of issue 13):
 * no host-only network commands at all, and an interface VirtualBox lists on the lab's subnet but
 * Down — which is how it lists one with no address — is given the host address before it is used.
 */
class VirtualBoxHostOnlyTest extends FakeVBoxRig {
    @Test
    void anInterfaceListedOnTheLabNetButDownIsGivenTheHostAddressAndNotRecordedAsOurs() {
        FakeVirtualBox fake = new FakeVirtualBox(Fixtures.V72);
        fake.hostOnlyIfs.add(new FakeVirtualBox.HostOnly("vboxnet0", "", ""));   // listed as 192.168.56.1, Down

        provider(fake).up(seeds, events::add);

        assertThat(fake.changeLines()).startsWith("hostonlyif ipconfig vboxnet0 --ip 192.168.56.1 --netmask 255.255.255.0")
                .noneMatch(l -> l.equals("hostonlyif create"))
                .contains("modifyvm seeds-master --nic2 hostonly --hostonlyadapter2 vboxnet0 --cableconnected2 on");
        assertThat(events).anyMatch(e -> e.status() == Status.CHANGED && e.message().contains("reusing vboxnet0, given the host address"));
        assertThat(LabState.load(tmp.resolve("state"), "seeds").createdInterfaces()).isEmpty();
    }

    @Test
    void anInterfaceThatIsUpOnTheLabNetIsReusedAsItIs() {
        FakeVirtualBox fake = new FakeVirtualBox(Fixtures.V72);
        fake.hostOnlyIfs.add(new FakeVirtualBox.HostOnly("vboxnet0", "192.168.56.1", "255.255.255.0"));

        provider(fake).up(seeds, events::add);

        assertThat(fake.changeLines()).noneMatch(l -> l.startsWith("hostonlyif"));
    }

    @Test
    void theDryRunShowsTheIpconfigForADownInterface() {
        FakeVirtualBox fake = new FakeVirtualBox(Fixtures.V72);
        fake.hostOnlyIfs.add(new FakeVirtualBox.HostOnly("vboxnet0", "", ""));

        List<String> plan = provider(fake).plan(seeds);

        assertThat(plan).contains("# host-only interface vboxnet0 is listed on 192.168.56.0/24 but Down: reused after giving it the host address",
                "VBoxManage hostonlyif ipconfig vboxnet0 --ip 192.168.56.1 --netmask 255.255.255.0");
        assertThat(plan.get(0)).isEqualTo("# VirtualBox 7.2.22 (VBoxDriver72), " + FakeVirtualBox.PROGRAM);
        assertThat(fake.changes()).isEmpty();
    }

    @Test
    void linuxOnSevenTwoNeverAsksForHostOnlyNetworks() {
        FakeVirtualBox fake = new FakeVirtualBox(Fixtures.V72);
        VirtualBoxProvider p = provider(fake);

        p.up(seeds, events::add);
        p.down(seeds, events::add);

        assertThat(fake.calls).noneMatch(a -> a.contains("hostonlynets") || a.get(0).equals("hostonlynet"));
        assertThat(fake.changeLines()).endsWith("hostonlyif remove vboxnet0");
    }
}
