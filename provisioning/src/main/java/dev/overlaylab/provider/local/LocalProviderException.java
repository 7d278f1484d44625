package dev.overlaylab.provider.local;

/** The local provider could not do what was asked; the message says what, where, and what to do. */
public class LocalProviderException extends RuntimeException {
    public LocalProviderException(String message) {
        super(message);
    }

    public LocalProviderException(String message, Throwable cause) {
        super(message, cause);
    }
}
