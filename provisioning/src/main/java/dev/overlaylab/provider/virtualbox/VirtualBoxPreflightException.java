package dev.overlaylab.provider.virtualbox;

import dev.overlaylab.exec.Explained;
import java.util.List;

/**
 * Pre-flight found problems; nothing was created. Lists every problem with its fix, so its
 * {@link #cause()} is the whole list and there is no separate fix line.
 */
public class VirtualBoxPreflightException extends RuntimeException implements Explained {
    private final List<String> problems;

    public VirtualBoxPreflightException(String lab, List<String> problems) {
        super("VirtualBox cannot start lab '" + lab + "' (nothing was created):\n- " + String.join("\n- ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }

    @Override
    public String cause() {
        return getMessage();
    }

    @Override
    public String fix() {
        return "";
    }
}
