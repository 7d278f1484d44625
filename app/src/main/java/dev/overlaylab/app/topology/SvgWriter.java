package dev.overlaylab.app.topology;

import dev.overlaylab.app.topology.Scene.Box;
import dev.overlaylab.app.topology.Scene.Line;
import dev.overlaylab.app.topology.Scene.Shape;
import dev.overlaylab.app.topology.Scene.Text;
import java.awt.Color;
import java.util.Locale;

/** Writes a {@link Scene} as a standalone SVG document (no dependency: the scene has three shape kinds). */
public final class SvgWriter {
    private SvgWriter() {
    }

    public static String write(Scene scene, Palette palette) {
        StringBuilder b = new StringBuilder();
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%s\" height=\"%s\" viewBox=\"0 0 %s %s\""
                        + " font-family=\"Inter, 'Segoe UI', 'DejaVu Sans', sans-serif\">%n",
                n(scene.width()), n(scene.height()), n(scene.width()), n(scene.height())));
        b.append(String.format(Locale.ROOT, "  <rect width=\"100%%\" height=\"100%%\" fill=\"%s\"/>%n",
                hex(palette.apply("background"))));
        for (Shape s : scene.shapes()) {
            if (s instanceof Box r) {
                b.append(String.format(Locale.ROOT,
                        "  <rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" rx=\"%s\" fill=\"%s\" stroke=\"%s\""
                                + " stroke-width=\"1.2\"%s/>%n",
                        n(r.x()), n(r.y()), n(r.w()), n(r.h()), n(r.arc() / 2), hex(palette.apply(r.fill())),
                        hex(palette.apply(r.stroke())), r.dashed() ? " stroke-dasharray=\"6 4\"" : ""));
            } else if (s instanceof Line l) {
                b.append(String.format(Locale.ROOT,
                        "  <line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"%s\" stroke-width=\"%s\""
                                + " stroke-linecap=\"round\"%s/>%n",
                        n(l.x1()), n(l.y1()), n(l.x2()), n(l.y2()), hex(palette.apply(l.stroke())), n(l.width()),
                        l.dashed() ? " stroke-dasharray=\"6 4\"" : ""));
            } else if (s instanceof Text t) {
                b.append(String.format(Locale.ROOT,
                        "  <text x=\"%s\" y=\"%s\" font-size=\"%s\"%s fill=\"%s\" text-anchor=\"%s\">%s</text>%n",
                        n(t.x()), n(t.y()), n(t.size()), t.bold() ? " font-weight=\"bold\"" : "",
                        hex(palette.apply(t.color())), t.anchor(), escape(t.text())));
            }
        }
        b.append("</svg>\n");
        return b.toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    /** Numbers without a trailing ".0" and never in a locale's decimal comma. */
    private static String n(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
