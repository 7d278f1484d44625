package dev.overlaylab.cli;

import dev.overlaylab.model.Lab;
import dev.overlaylab.provider.virtualbox.VirtualBoxProvider;
import java.nio.file.Path;

/** A lab file for the VirtualBox-only commands (halt, resume, snapshot): loaded, and its provider checked. */
record VirtualBoxLab(Lab lab, VirtualBoxProvider provider) {

    static VirtualBoxLab open(Path file, String command) {
        LabInput in = LabInput.open(file);
        if (!(in.provider() instanceof VirtualBoxProvider vbox)) {
            throw new BadInput(file + ": 'olab " + command + "' works on VirtualBox labs; this lab's provider is '"
                    + in.lab().provider() + "' (use 'olab up' / 'olab down' for it)");
        }
        return new VirtualBoxLab(in.lab(), vbox);
    }
}
