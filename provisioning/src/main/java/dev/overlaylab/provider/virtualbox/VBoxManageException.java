package dev.overlaylab.provider.virtualbox;

import dev.overlaylab.exec.CommandFailedException;
import dev.overlaylab.exec.ExecResult;
import java.util.List;
import java.util.Optional;

/**
 * A VBoxManage call failed. Carries the argv, stdout and stderr (through {@link #result()}) and,
 * when the failure is one we recognise, a hint saying what to do.
 */
public class VBoxManageException extends CommandFailedException {
    private final String hint;

    public VBoxManageException(ExecResult result, String hint) {
        super(result, hint);
        this.hint = hint;
    }

    public List<String> argv() {
        return result().argv();
    }

    public String stdout() {
        return result().stdout();
    }

    public String stderr() {
        return result().stderr();
    }

    public Optional<String> hint() {
        return Optional.ofNullable(hint);
    }

    /** VirtualBox said the machine (or network) does not exist. */
    public boolean objectNotFound() {
        String err = stderr();
        return err.contains("VBOX_E_OBJECT_NOT_FOUND") || err.contains("Could not find a registered machine");
    }
}
