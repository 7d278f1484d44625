package dev.overlaylab.provider.virtualbox;

import dev.overlaylab.exec.Explained;

/**
 * VirtualBox cannot be used on this machine: VBoxManage is missing, too old, or of a version this
 * provider has no driver for. The message is the cause, then a line "  fix: ..." with what to do.
 */
public class VirtualBoxUnavailableException extends RuntimeException implements Explained {
    private static final String FIX = "\n  fix: ";

    public VirtualBoxUnavailableException(String message) {
        super(message);
    }

    @Override
    public String cause() {
        String m = getMessage();
        int i = m.indexOf(FIX);
        return i < 0 ? m : m.substring(0, i);
    }

    @Override
    public String fix() {
        String m = getMessage();
        int i = m.indexOf(FIX);
        return i < 0 ? "" : m.substring(i + FIX.length());
    }
}
