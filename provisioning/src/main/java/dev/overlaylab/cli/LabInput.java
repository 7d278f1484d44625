package dev.overlaylab.cli;

import dev.overlaylab.model.Lab;
import dev.overlaylab.model.LabFileException;
import dev.overlaylab.model.LabLoader;
import dev.overlaylab.model.Plural;
import dev.overlaylab.model.Problem;
import dev.overlaylab.plan.Wiring;
import dev.overlaylab.provider.Provider;
import dev.overlaylab.render.RenderException;
import dev.overlaylab.render.RenderedLab;
import java.nio.file.Path;

/** A lab file made ready for a command: loaded and validated, rendered, its provider found. Bad input → {@link BadInput}. */
record LabInput(Lab lab, RenderedLab rendered, Provider provider, Wiring wiring) {

    static LabInput open(Path file) {
        Lab lab = load(file);
        Wiring wiring = Cli.wiring();
        Provider provider = provider(wiring, lab, file);
        try {
            return new LabInput(lab, wiring.render(lab), provider, wiring);
        } catch (RenderException e) {
            throw new BadInput(file + ": " + e.getMessage());
        }
    }

    /** Loads and validates without rendering; every problem with its field path, then their count. */
    static Lab load(Path file) {
        try {
            return LabLoader.load(file);
        } catch (LabFileException e) {
            StringBuilder sb = new StringBuilder();
            for (Problem p : e.problems()) {
                sb.append(p).append('\n');
            }
            sb.append(file).append(": ").append(Plural.count(e.problems().size(), "problem"));
            throw new BadInput(sb.toString());
        }
    }

    /** The lab's provider; an unknown or unusable one is bad input naming the file. */
    static Provider provider(Wiring wiring, Lab lab, Path file) {
        try {
            return wiring.provider(lab);
        } catch (IllegalArgumentException e) {
            throw new BadInput(file + ": provider: " + e.getMessage());
        }
    }
}
