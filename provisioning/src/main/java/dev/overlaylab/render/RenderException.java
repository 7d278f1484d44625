package dev.overlaylab.render;

/** A template could not be rendered: names the template, the node and the line, and what to fix. */
public class RenderException extends Exception {
    public RenderException(String message) {
        super(message);
    }

    public RenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
