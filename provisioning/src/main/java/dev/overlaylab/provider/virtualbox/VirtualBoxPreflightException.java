package dev.overlaylab.provider.virtualbox;

import java.util.List;

/** Pre-flight found problems; nothing was created. Lists every problem with its fix. */
public class VirtualBoxPreflightException extends RuntimeException {
    private final List<String> problems;

    public VirtualBoxPreflightException(String lab, List<String> problems) {
        super("VirtualBox cannot start lab '" + lab + "' (nothing was created):\n- " + String.join("\n- ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
