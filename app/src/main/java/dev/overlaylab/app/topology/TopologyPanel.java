package dev.overlaylab.app.topology;

import dev.overlaylab.app.AppContext;
import dev.overlaylab.app.actions.ExportTopologyAction;
import dev.overlaylab.app.actions.ExportTopologyAction.Format;
import dev.overlaylab.app.ui.Messages;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import net.miginfocom.swing.MigLayout;

/** The topology tab: the picture and its export buttons. */
public final class TopologyPanel extends JPanel {
    private final TopologyView view;
    private final JLabel note;

    public TopologyPanel(AppContext ctx, TopologyInput input) {
        super(new MigLayout("insets 12, fill, wrap 1",
                // columns
                "[grow, fill]",
                // rows
                "[][grow, fill]"));
        setName("topologyPanel");
        view = new TopologyView(input);
        JButton png = new JButton(new ExportTopologyAction(ctx, view, Format.PNG));
        png.setName("topology.exportPng");
        JButton svg = new JButton(new ExportTopologyAction(ctx, view, Format.SVG));
        svg.setName("topology.exportSvg");
        note = new JLabel(Messages.get("topology.note"));
        note.putClientProperty(com.formdev.flatlaf.FlatClientProperties.STYLE, "foreground: $Label.disabledForeground");
        add(note, "split 3, growx");
        add(png);
        add(svg);
        // No scroll pane: the view scales itself down to fit, so the whole lab is always in sight.
        add(view);
    }

    /** The picture now holds the live leases read by the last verification. */
    public void showLeases(java.util.Map<String, String> leases) {
        view.setInput(view.input().withLeases(leases));
        note.setText(Messages.format("topology.note.live",
                java.time.LocalTime.now().withNano(0).toString()));
    }

    public TopologyView view() {
        return view;
    }
}
