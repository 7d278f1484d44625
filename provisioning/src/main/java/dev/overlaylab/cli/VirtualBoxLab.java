package dev.overlaylab.cli;

import dev.overlaylab.model.Lab;
import dev.overlaylab.progress.ProgressListener;
import dev.overlaylab.provider.MachineLifecycle;
import dev.overlaylab.provider.vboxws.VBoxWsProvider;
import dev.overlaylab.provider.virtualbox.VirtualBoxProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A lab file for the VM-only commands (halt, resume, snapshot): loaded, its provider checked, its VMs' lifecycle. */
record VirtualBoxLab(Lab lab, MachineLifecycle lifecycle) {

    static VirtualBoxLab open(Path file, String command) {
        LabInput in = LabInput.open(file);
        if (in.provider() instanceof VBoxWsProvider ws) {
            return new VirtualBoxLab(in.lab(), ws.lifecycle(in.lab()));
        }
        if (!(in.provider() instanceof VirtualBoxProvider vbox)) {
            throw new BadInput(file + ": 'olab " + command + "' works on VirtualBox labs (virtualbox, virtualbox-ws); this lab's"
                    + " provider is '" + in.lab().provider() + "' (use 'olab up' / 'olab down' for it)");
        }
        return new VirtualBoxLab(in.lab(), local(vbox, in.lab()));
    }

    /** The virtualbox provider's lifecycle; resume also waits for SSH, as the provider's resume does. */
    private static MachineLifecycle local(VirtualBoxProvider vbox, Lab lab) {
        var l = vbox.lifecycle(lab);
        return new MachineLifecycle() {
            public void halt(ProgressListener p) {
                l.halt(p);
            }

            public void resume(ProgressListener p) {
                vbox.resume(lab, p);
            }

            public void snapshotSave(String name, ProgressListener p) {
                l.snapshotSave(name, p);
            }

            public void snapshotRestore(String name, ProgressListener p) {
                l.snapshotRestore(name, p);
            }

            public Map<String, List<String>> snapshots() {
                return l.snapshots();
            }
        };
    }
}
