package dev.overlaylab.model;

import java.util.List;
import java.util.stream.Collectors;

/** A lab file that cannot be used; carries every problem found, not just the first. */
public class LabFileException extends Exception {
    private final List<Problem> problems;

    public LabFileException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
