package dev.overlaylab.app.topology;

import dev.overlaylab.app.topology.Scene.Box;
import dev.overlaylab.app.topology.Scene.Line;
import dev.overlaylab.app.topology.Scene.Shape;
import dev.overlaylab.app.topology.Scene.Text;
import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;

/** Paints a {@link Scene} with Java2D (screen and PNG export). */
public final class ScenePainter {
    private static final float[] DASH = {6f, 4f};

    private ScenePainter() {
    }

    public static void paint(Graphics2D g, Scene scene, Palette palette, Font base) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(palette.apply("background"));
        g.fill(new java.awt.geom.Rectangle2D.Double(0, 0, scene.width(), scene.height()));
        for (Shape s : scene.shapes()) {
            if (s instanceof Box b) {
                    RoundRectangle2D r = new RoundRectangle2D.Double(b.x(), b.y(), b.w(), b.h(), b.arc(), b.arc());
                    g.setColor(palette.apply(b.fill()));
                    g.fill(r);
                    g.setColor(palette.apply(b.stroke()));
                    g.setStroke(stroke(1.2, b.dashed()));
                    g.draw(r);
            } else if (s instanceof Line l) {
                    g.setColor(palette.apply(l.stroke()));
                    g.setStroke(stroke(l.width(), l.dashed()));
                    g.draw(new Line2D.Double(l.x1(), l.y1(), l.x2(), l.y2()));
            } else if (s instanceof Text t) {
                    Font f = base.deriveFont(t.bold() ? Font.BOLD : Font.PLAIN, (float) t.size());
                    g.setFont(f);
                    g.setColor(palette.apply(t.color()));
                    FontMetrics fm = g.getFontMetrics();
                    double w = fm.stringWidth(t.text());
                    double x = switch (t.anchor()) {
                        case "middle" -> t.x() - w / 2;
                        case "end" -> t.x() - w;
                        default -> t.x();
                    };
                    g.drawString(t.text(), (float) x, (float) t.y());
            }
        }
    }

    /** The scene as a PNG-ready image at {@code scale} (2 = sharp on HiDPI screens and in docs). */
    public static BufferedImage image(Scene scene, Palette palette, Font base, double scale) {
        BufferedImage img = new BufferedImage((int) Math.ceil(scene.width() * scale),
                (int) Math.ceil(scene.height() * scale), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.scale(scale, scale);
            paint(g, scene, palette, base);
        } finally {
            g.dispose();
        }
        return img;
    }

    private static BasicStroke stroke(double width, boolean dashed) {
        return dashed
                ? new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, DASH, 0f)
                : new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }
}
