package dev.overlaylab.app.engine;

/**
 * The engine piece behind a command is not part of this build yet. The UI shows an honest
 * "not available yet" state instead of results; nothing is simulated.
 */
public class NotAvailableYetException extends Exception {
    private final Feature feature;

    public NotAvailableYetException(Feature feature, String why) {
        super(why);
        this.feature = feature;
    }

    public Feature feature() {
        return feature;
    }
}
