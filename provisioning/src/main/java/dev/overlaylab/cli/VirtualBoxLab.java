package dev.overlaylab.cli;

import dev.overlaylab.model.Lab;
import dev.overlaylab.model.LabFileException;
import dev.overlaylab.model.LabLoader;
import dev.overlaylab.model.Problem;
import dev.overlaylab.provider.Provider;
import dev.overlaylab.provider.virtualbox.VirtualBoxProvider;
import java.nio.file.Path;

/** A lab file for the VirtualBox-only commands (halt, resume, snapshot): loaded, and its provider checked. */
record VirtualBoxLab(Lab lab, VirtualBoxProvider provider) {

    static VirtualBoxLab open(Path file, String command) {
        Lab lab;
        try {
            lab = LabLoader.load(file);
        } catch (LabFileException e) {
            StringBuilder sb = new StringBuilder();
            for (Problem p : e.problems()) {
                sb.append(p).append('\n');
            }
            sb.append(file).append(": ").append(e.problems().size()).append(e.problems().size() == 1 ? " problem" : " problems");
            throw new Wiring.BadInput(sb.toString());
        }
        if (!VirtualBoxProvider.ID.equals(lab.provider())) {
            throw new Wiring.BadInput(file + ": 'olab " + command + "' works on VirtualBox labs; this lab's provider is '"
                    + lab.provider() + "' (use 'olab up' / 'olab down' for it)");
        }
        Provider p = Wiring.providers(LabInput::askOnConsole).require(VirtualBoxProvider.ID);
        return new VirtualBoxLab(lab, (VirtualBoxProvider) p);
    }
}
