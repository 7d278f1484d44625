package dev.overlaylab.app.engine;

import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Problem;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of validating lab-file text: a lab, or every problem found.
 */
public record Validation(Optional<Lab> lab, List<Problem> problems) {
    public Validation {
        problems = List.copyOf(problems);
    }

    public static Validation ok(Lab lab) {
        return new Validation(Optional.of(lab), List.of());
    }

    public static Validation failed(List<Problem> problems) {
        return new Validation(Optional.empty(), problems);
    }

    public boolean valid() {
        return lab.isPresent() && problems.isEmpty();
    }
}
