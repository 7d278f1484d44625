package dev.overlaylab.cli;

import dev.overlaylab.model.Lab;
import dev.overlaylab.model.LabFileException;
import dev.overlaylab.model.LabLoader;
import dev.overlaylab.model.Plural;
import dev.overlaylab.model.Problem;
import dev.overlaylab.compose.Wiring;
import dev.overlaylab.provider.Provider;
import dev.overlaylab.render.RenderException;
import dev.overlaylab.render.RenderedLab;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
            throw new BadInput(String.join("\n", problemLines(file, e)));
        }
    }

    /** What every command says about a bad lab file: each problem with its field path, then "FILE: N problems". */
    static List<String> problemLines(Path file, LabFileException e) {
        List<String> lines = new ArrayList<>();
        for (Problem p : e.problems()) {
            lines.add(p.toString());
        }
        lines.add(file + ": " + Plural.count(e.problems().size(), "problem"));
        return lines;
    }

    /**
     * Stops a command that would make or remove nodes before it starts when the provider cannot run
     * on this machine (the local provider without root, say), with the provider's reason and its fix
     * and nothing else: no run summary, no stage, no node advice.
     */
    void requireUsableProvider() {
        provider.unavailableReason().ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
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
