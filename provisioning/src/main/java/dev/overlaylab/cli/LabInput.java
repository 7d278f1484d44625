package dev.overlaylab.cli;

import dev.overlaylab.model.Lab;
import dev.overlaylab.model.LabFileException;
import dev.overlaylab.model.LabLoader;
import dev.overlaylab.model.Problem;
import dev.overlaylab.provider.Provider;
import dev.overlaylab.render.RenderedLab;
import java.io.Console;
import java.nio.file.Path;
import java.util.Optional;

/** A lab file made ready for a command: loaded and validated, rendered, its provider found. Bad input → {@link Wiring.BadInput}. */
record LabInput(Lab lab, RenderedLab rendered, Provider provider) {

    static LabInput open(Path file) {
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
        Provider provider;
        try {
            provider = Wiring.providers(LabInput::askOnConsole).require(lab.provider());
        } catch (IllegalArgumentException e) {
            throw new Wiring.BadInput(file + ": provider: " + e.getMessage());
        }
        return new LabInput(lab, Wiring.render(lab), provider);
    }

    /** The console password prompt of the hosts provider; declines when there is no console (scripts, CI). */
    static Optional<char[]> askOnConsole(dev.overlaylab.model.Node node, String why) {
        Console c = System.console();
        if (c == null) {
            return Optional.empty();
        }
        char[] pw = c.readPassword("%s: %s%n%s@%s password: ", node.name(), why, node.ssh().user(), node.ssh().host());
        return pw == null || pw.length == 0 ? Optional.empty() : Optional.of(pw);
    }
}
