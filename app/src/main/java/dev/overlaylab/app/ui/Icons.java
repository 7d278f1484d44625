package dev.overlaylab.app.ui;

import com.formdev.flatlaf.extras.FlatSVGIcon;

/**
 * SVG icons from {@code assets/icons/} (copied onto the classpath by the build), drawn by FlatSVGIcon
 * so they stay sharp at any scale and follow the light/dark palette.
 */
public final class Icons {
    private static final String BASE = "dev/overlaylab/app/assets/icons/";

    private Icons() {
    }

    public static FlatSVGIcon get(String name) {
        return get(name, 16);
    }

    public static FlatSVGIcon get(String name, int size) {
        return new FlatSVGIcon(BASE + name + ".svg", size, size);
    }
}
