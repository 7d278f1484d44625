package dev.overlaylab.app.topology;

import java.awt.BasicStroke;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.geom.RoundRectangle2D;
import java.util.Optional;
import java.util.function.Consumer;
import javax.swing.JComponent;
import javax.swing.UIManager;

/**
 * Draws the lab's topology scaled to fit the window (up to {@link #MAX_SCALE}, so a two-node lab on a
 * big screen grows but its text never turns huge), centred. A click on a node selects it (outlined)
 * and tells the listener; a click elsewhere clears the selection.
 */
public final class TopologyView extends JComponent {
    static final double MAX_SCALE = 1.6;
    private TopologyInput input;
    private Scene scene;
    private Optional<String> selected = Optional.empty();
    private Consumer<Optional<String>> onSelect = n -> { };

    public TopologyView(TopologyInput input) {
        setName("topology.view");
        setInput(input);
        addMouseListener(new MouseAdapter() {
            @Override
            public void mousePressed(MouseEvent e) {
                select(nodeAt(e.getX(), e.getY()));
            }
        });
    }

    public void setInput(TopologyInput in) {
        this.input = in;
        this.scene = TopologyLayout.layout(in);
        if (selected.isPresent() && in.nodes().stream().noneMatch(n -> n.name().equals(selected.get()))) {
            selected = Optional.empty();
        }
        revalidate();
        repaint();
    }

    public TopologyInput input() {
        return input;
    }

    public Scene scene() {
        return scene;
    }

    public Optional<String> selected() {
        return selected;
    }

    public void setOnSelect(Consumer<Optional<String>> listener) {
        onSelect = listener;
    }

    public void select(Optional<String> node) {
        selected = node;
        repaint();
        onSelect.accept(node);
    }

    /** The scale the picture is drawn at in the current size. */
    public double scale() {
        if (getWidth() <= 0 || getHeight() <= 0) {
            return 1;
        }
        return Math.min(MAX_SCALE, Math.min(getWidth() / scene.width(), getHeight() / scene.height()));
    }

    private double dx() {
        return Math.max(0, (getWidth() - scene.width() * scale()) / 2);
    }

    private double dy() {
        return Math.max(0, (getHeight() - scene.height() * scale()) / 2);
    }

    /** The node drawn at this point of the component, if any. */
    public Optional<String> nodeAt(int x, int y) {
        double s = scale();
        return scene.nodeAt((x - dx()) / s, (y - dy()) / s).map(Scene.Area::node);
    }

    /** Where a node's box is drawn in component coordinates (for tests and tooltips). */
    public Optional<java.awt.Rectangle> boundsOf(String node) {
        double s = scale();
        return scene.areas().stream().filter(a -> a.node().equals(node)).findFirst()
                .map(a -> new java.awt.Rectangle((int) Math.round(dx() + a.x() * s), (int) Math.round(dy() + a.y() * s),
                        (int) Math.round(a.w() * s), (int) Math.round(a.h() * s)));
    }

    @Override
    public Dimension getPreferredSize() {
        return new Dimension((int) scene.width(), (int) scene.height());
    }

    @Override
    public Dimension getMinimumSize() {
        return new Dimension(200, 150);
    }

    @Override
    protected void paintComponent(Graphics g) {
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            Palette palette = Palette.theme();
            g2.setColor(palette.apply("background"));
            g2.fillRect(0, 0, getWidth(), getHeight());
            double scale = scale();
            g2.translate(dx(), dy());
            g2.scale(scale, scale);
            ScenePainter.paint(g2, scene, palette, UIManager.getFont("Label.font"));
            selected.flatMap(n -> scene.areas().stream().filter(a -> a.node().equals(n)).findFirst()).ifPresent(a -> {
                g2.setColor(palette.apply("selected"));
                g2.setStroke(new BasicStroke(3f));
                g2.draw(new RoundRectangle2D.Double(a.x() - 3, a.y() - 3, a.w() + 6, a.h() + 6, 14, 14));
            });
        } finally {
            g2.dispose();
        }
    }
}
