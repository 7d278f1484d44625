package dev.overlaylab.app.ui;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.FlatLightLaf;
import com.formdev.flatlaf.extras.FlatAnimatedLafChange;
import dev.overlaylab.app.AppPrefs.Theme;
import java.util.Locale;

/**
 * Light/dark FlatLaf with the app's own colours from {@code themes/FlatLightLaf.properties} and
 * {@code themes/FlatDarkLaf.properties}. "System" follows the OS where that is cheap to detect.
 */
public final class Themes {
    private Themes() {
    }

    /** Call once, before the first window, on the event thread. */
    public static void install(Theme theme) {
        FlatLaf.registerCustomDefaultsSource("dev.overlaylab.app.themes");
        setup(theme);
    }

    /** Switches at runtime with FlatLaf's cross-fade. */
    public static void switchTo(Theme theme) {
        FlatAnimatedLafChange.showSnapshot();
        setup(theme);
        FlatLaf.updateUI();
        FlatAnimatedLafChange.hideSnapshotWithAnimation();
    }

    public static boolean isDark() {
        return FlatLaf.isLafDark();
    }

    private static void setup(Theme theme) {
        boolean dark = switch (theme) {
            case DARK -> true;
            case LIGHT -> false;
            case SYSTEM -> osPrefersDark();
        };
        if (dark) {
            FlatDarkLaf.setup();
        } else {
            FlatLightLaf.setup();
        }
    }

    /**
     * Whether the desktop asks for a dark theme. Only what can be read without starting a process
     * (start-up time matters): GTK_THEME on Linux desktops (e.g. {@code Adwaita:dark}).
     */
    static boolean osPrefersDark() {
        String gtk = System.getenv("GTK_THEME");
        return gtk != null && gtk.toLowerCase(Locale.ROOT).contains("dark");
    }
}
