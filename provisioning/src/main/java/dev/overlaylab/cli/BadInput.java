package dev.overlaylab.cli;

/** Input that cannot be used (exit 2), with the message for the person. */
final class BadInput extends RuntimeException {
    BadInput(String message) {
        super(message);
    }
}
