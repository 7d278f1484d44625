package dev.overlaylab.app.topology;

import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import javax.swing.JComponent;
import javax.swing.UIManager;

/** Draws the lab's topology, scaled down to fit (never up past 1:1 so text stays its real size). */
public final class TopologyView extends JComponent {
    private TopologyInput input;
    private Scene scene;

    public TopologyView(TopologyInput input) {
        setName("topology.view");
        setInput(input);
    }

    public void setInput(TopologyInput in) {
        this.input = in;
        this.scene = TopologyLayout.layout(in);
        revalidate();
        repaint();
    }

    public TopologyInput input() {
        return input;
    }

    public Scene scene() {
        return scene;
    }

    @Override
    public Dimension getPreferredSize() {
        return new Dimension((int) scene.width(), (int) scene.height());
    }

    @Override
    protected void paintComponent(Graphics g) {
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            g2.setColor(Palette.theme().apply("background"));
            g2.fillRect(0, 0, getWidth(), getHeight());
            double scale = Math.min(1.0, Math.min(getWidth() / scene.width(), getHeight() / scene.height()));
            double dx = Math.max(0, (getWidth() - scene.width() * scale) / 2);
            g2.translate(dx, 0);
            g2.scale(scale, scale);
            ScenePainter.paint(g2, scene, Palette.theme(), UIManager.getFont("Label.font"));
        } finally {
            g2.dispose();
        }
    }
}
