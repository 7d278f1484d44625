package dev.overlaylab.app.ui;

import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Every text the app shows comes from {@code dev/overlaylab/app/messages.properties}. */
public final class Messages {
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("dev.overlaylab.app.messages");

    private Messages() {
    }

    public static String get(String key) {
        try {
            return BUNDLE.getString(key);
        } catch (MissingResourceException e) {
            // Visible in the UI and caught by MessagesTest, rather than a crash at runtime.
            return "!" + key + "!";
        }
    }

    public static String format(String key, Object... args) {
        return MessageFormat.format(get(key), args);
    }

    public static boolean has(String key) {
        return BUNDLE.containsKey(key);
    }
}
