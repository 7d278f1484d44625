package dev.overlaylab.app.topology;

import java.util.ArrayList;
import java.util.List;

/**
 * A picture as a list of simple shapes with theme colour keys, so the same layout is painted by
 * Java2D on screen/PNG and written as SVG. Coordinates are in logical pixels.
 */
public final class Scene {
    public sealed interface Shape permits Box, Line, Text {
    }

    public record Box(double x, double y, double w, double h, double arc, String fill, String stroke, boolean dashed)
            implements Shape {
    }

    public record Line(double x1, double y1, double x2, double y2, String stroke, double width, boolean dashed)
            implements Shape {
    }

    /** Text with its baseline at {@code y}; {@code anchor} is start, middle or end. */
    public record Text(double x, double y, String text, double size, boolean bold, String color, String anchor)
            implements Shape {
    }

    /** Where a node's box is, so a click on the picture can say which node it hit. */
    public record Area(String node, double x, double y, double w, double h) {
        public boolean contains(double px, double py) {
            return px >= x && px <= x + w && py >= y && py <= y + h;
        }
    }

    private final List<Shape> shapes = new ArrayList<>();
    private final List<Area> areas = new ArrayList<>();
    private double width;
    private double height;

    public Scene add(Shape s) {
        shapes.add(s);
        return this;
    }

    public Scene area(Area a) {
        areas.add(a);
        return this;
    }

    public List<Area> areas() {
        return List.copyOf(areas);
    }

    /** The node whose box holds the point (scene coordinates). */
    public java.util.Optional<Area> nodeAt(double x, double y) {
        return areas.stream().filter(a -> a.contains(x, y)).findFirst();
    }

    public List<Shape> shapes() {
        return List.copyOf(shapes);
    }

    public void size(double w, double h) {
        width = w;
        height = h;
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    public <T extends Shape> List<T> all(Class<T> type) {
        return shapes.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
