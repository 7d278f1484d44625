package dev.overlaylab.provider.virtualbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.provider.Machines;
import dev.overlaylab.provider.Removal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Down's preview is made by the same plan down acts on: what it lists is what VBoxManage is then
 * told to remove, and a lab's machines read as none / running / halted / partial from VBoxManage.
 */
class VirtualBoxDownPreviewTest extends FakeVBoxRig {
    @Test
    void previewNamesExactlyWhatDownThenRemoves() {
        FakeVirtualBox fake = new FakeVirtualBox(Fixtures.V70);
        VirtualBoxProvider p = provider(fake);
        p.up(seeds, events::add);
        int before = fake.changes().size();

        List<Removal> preview = p.downPreview(seeds);

        assertThat(fake.changes()).as("the preview changes nothing").hasSize(before);
        assertThat(preview).extracting(Removal::toString).containsExactly(
                "master: power off and delete VM seeds-master with its disks (it is running)",
                "worker: power off and delete VM seeds-worker with its disks (it is running)",
                "remove the host-only interface vboxnet0 this lab created");
        p.down(seeds, events::add);
        assertThat(fake.changeLines().subList(before, fake.changes().size())).containsExactly(
                "controlvm seeds-master poweroff", "unregistervm seeds-master --delete",
                "controlvm seeds-worker poweroff", "unregistervm seeds-worker --delete",
                "hostonlyif remove vboxnet0");
        assertThat(p.downPreview(seeds)).as("nothing is left to remove").isEmpty();
    }

    @Test
    void anInterfaceAnotherLabsVmUsesIsNeitherPreviewedNorRemoved() {
        FakeVirtualBox fake = new FakeVirtualBox(Fixtures.V70);
        VirtualBoxProvider p = provider(fake);
        p.up(seeds, events::add);
        fake.addVm("someone-else", "poweroff").hostOnly = "vboxnet0";

        assertThat(p.downPreview(seeds)).extracting(Removal::what).noneMatch(w -> w.contains("vboxnet0"));
        p.down(seeds, events::add);
        assertThat(fake.hostOnlyIfs).extracting(FakeVirtualBox.HostOnly::name).containsExactly("vboxnet0");
    }

    @Test
    void machinesReadAsNoneRunningHaltedAndPartial() {
        FakeVirtualBox fake = new FakeVirtualBox(Fixtures.V70);
        VirtualBoxProvider p = provider(fake);
        assertThat(p.machines(seeds).kind()).isEqualTo(Machines.Kind.NONE);
        p.up(seeds, events::add);
        assertThat(p.machines(seeds).kind()).isEqualTo(Machines.Kind.RUNNING);
        fake.vms.get("seeds-worker").state = "poweroff";
        assertThat(p.machines(seeds)).isEqualTo(new Machines(Machines.Kind.PARTIAL, "off: worker (poweroff)"));
        fake.vms.get("seeds-master").state = "poweroff";
        assertThat(p.machines(seeds).kind()).isEqualTo(Machines.Kind.STOPPED);
    }
}
