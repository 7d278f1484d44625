package dev.overlaylab.provider.virtualbox.image;

/**
 * A base image could not be fetched, checked or imported. The message says what happened, the
 * evidence, and the fix (house style: lines after the first are indented, the last starts with
 * {@code fix:}).
 */
public final class ImageException extends RuntimeException {
    public ImageException(String message) {
        super(message);
    }

    public ImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
