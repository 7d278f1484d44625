package dev.overlaylab.provider.virtualbox;

import dev.overlaylab.exec.CommandFailedException;
import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.exec.Explained;
import java.util.List;
import java.util.Optional;

/**
 * A VBoxManage call failed. Carries the argv, stdout and stderr (through {@link #result()}) and,
 * when the failure is one we recognise ({@link VBoxErrorHints}), its cause and fix, which the engine
 * shows instead of a generic fix.
 */
public class VBoxManageException extends CommandFailedException implements Explained {
    private final VBoxError error;

    public VBoxManageException(ExecResult result, String hint) {
        this(result, hint == null ? null : new VBoxError("", hint));
    }

    public VBoxManageException(ExecResult result, VBoxError error) {
        super(result, error == null ? null : (error.cause().isEmpty() ? "" : error.cause() + "\n  fix: ") + error.fix());
        this.error = error;
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

    /** The fix, when the failure was recognised. */
    public Optional<String> hint() {
        return Optional.ofNullable(error).map(VBoxError::fix);
    }

    /** The recognised cause and fix, when there are. */
    public Optional<VBoxError> error() {
        return Optional.ofNullable(error);
    }

    @Override
    public String cause() {
        String sub = argv().size() > 1 ? " " + argv().get(1) : "";
        String failed = "VBoxManage" + sub + " failed (exit " + result().exitCode() + ")";
        return error == null || error.cause().isEmpty() ? failed : failed + ": " + error.cause();
    }

    @Override
    public String fix() {
        return error == null ? "read VirtualBox's message above, fix its cause, then run again" : error.fix();
    }

    /** VirtualBox said the machine (or network) does not exist. */
    public boolean objectNotFound() {
        String err = stderr();
        return err.contains("VBOX_E_OBJECT_NOT_FOUND") || err.contains("Could not find a registered machine");
    }
}
