package dev.overlaylab.app.topology;

import dev.overlaylab.app.ui.Colors;
import java.awt.Color;
import java.util.Map;
import java.util.function.Function;

/** Resolves the scene's colour keys: from the current theme ({@code OverlayLab.topology.*}) or a fixed map. */
public interface Palette extends Function<String, Color> {

    static Palette theme() {
        return key -> Colors.get("topology." + key);
    }

    /** Fixed colours, for tests and exports that must not depend on the theme. */
    static Palette of(Map<String, Color> colours) {
        return key -> colours.getOrDefault(key, Color.BLACK);
    }
}
