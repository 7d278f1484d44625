package dev.overlaylab.provider;

import dev.overlaylab.progress.ProgressListener;
import java.util.List;
import java.util.Map;

/**
 * halt / resume / snapshots of a lab whose nodes are VMs ({@code olab halt}, {@code resume},
 * {@code snapshot}): the {@code virtualbox} provider through VBoxManage, {@code virtualbox-ws} through
 * the web service. Disks are kept; only {@code down} deletes.
 */
public interface MachineLifecycle {
    /** ACPI shutdown of every running VM, power off after a bounded wait. */
    void halt(ProgressListener progress);

    /** Starts the stopped VMs headless and waits until SSH answers on each. */
    void resume(ProgressListener progress);

    /** Snapshot {@code name} of every VM. */
    void snapshotSave(String name, ProgressListener progress);

    /** Back to snapshot {@code name} on every VM; all must be off and have it. */
    void snapshotRestore(String name, ProgressListener progress);

    /** Each node's snapshot names. */
    Map<String, List<String>> snapshots();
}
