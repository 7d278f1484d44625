package dev.overlaylab.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Test helpers: parse lab YAML without looking at this machine (no VBoxManage, no networks.conf). */
final class LabFiles {
    private LabFiles() {
    }

    static Lab parse(String yaml) throws LabFileException {
        return LabLoader.parse(yaml, Optional.empty(), false, new Validator(Path.of("/nonexistent/networks.conf")));
    }

    /** The problems of {@code yaml}; an empty list when it is valid. */
    static List<Problem> problems(String yaml) {
        try {
            parse(yaml);
            return List.of();
        } catch (LabFileException e) {
            return e.problems();
        }
    }

    static Path example(String name) {
        return Path.of("..", "examples", name).toAbsolutePath().normalize();
    }
}
