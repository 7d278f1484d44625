package dev.overlaylab.provider.virtualbox;

/**
 * VirtualBox cannot be used on this machine: VBoxManage is missing, too old, of a version this
 * provider has no driver for, or its kernel driver is not loaded. The message says what to do.
 */
public class VirtualBoxUnavailableException extends RuntimeException {
    public VirtualBoxUnavailableException(String message) {
        super(message);
    }
}
