package dev.overlaylab.app.topology;

import dev.overlaylab.app.AppContext;
import dev.overlaylab.app.actions.ExportTopologyAction;
import dev.overlaylab.app.actions.ExportTopologyAction.Format;
import dev.overlaylab.app.engine.VerifyOutcome;
import dev.overlaylab.app.ui.Messages;
import java.time.LocalTime;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextArea;
import javax.swing.UIManager;
import net.miginfocom.swing.MigLayout;

/** The topology tab: the picture (scaled to the window), the clicked node's details and the export buttons. */
public final class TopologyPanel extends JPanel {
    private final TopologyView view;
    private final JLabel note;
    private final JTextArea details = new JTextArea();

    public TopologyPanel(AppContext ctx, TopologyInput input) {
        super(new MigLayout("insets 12, fill, wrap 1",
                // columns
                "[grow, fill]",
                // rows: note and buttons, picture, details
                "[][grow, fill][]"));
        setName("topologyPanel");
        view = new TopologyView(input);
        JButton png = new JButton(new ExportTopologyAction(ctx, view, Format.PNG));
        png.setName("topology.exportPng");
        JButton svg = new JButton(new ExportTopologyAction(ctx, view, Format.SVG));
        svg.setName("topology.exportSvg");
        note = new JLabel(Messages.get("topology.note"));
        note.putClientProperty(com.formdev.flatlaf.FlatClientProperties.STYLE, "foreground: $Label.disabledForeground");
        details.setName("topology.details");
        details.setEditable(false);
        details.setLineWrap(true);
        details.setWrapStyleWord(true);
        details.setOpaque(false);
        details.setRows(3);
        details.setText(Messages.get("topology.details.hint"));
        view.setOnSelect(n -> showDetails());
        add(note, "split 3, growx, wmin 0");
        add(png);
        add(svg);
        // No scroll pane: the view scales itself to fit, so the whole lab is always in sight.
        add(view, "wmin 200, hmin 150");
        add(details, "growx, wmin 0");
    }

    @Override
    public void updateUI() {
        super.updateUI();
        if (details != null) {
            details.setFont(UIManager.getFont("Label.font"));
        }
    }

    /** The picture now holds the live leases read by the last verification. */
    public void showLeases(java.util.Map<String, String> leases) {
        view.setInput(view.input().withLeases(leases));
        note.setText(Messages.format("topology.note.live", LocalTime.now().withNano(0).toString()));
        showDetails();
    }

    /** The links are coloured by this verification's cells; the clicked node's details follow it. */
    public void showVerification(VerifyOutcome out) {
        if (out.checks().isEmpty()) {
            return;
        }
        view.setInput(view.input().withChecks(out.checks()));
        note.setText(Messages.format("topology.note.checked", LocalTime.now().withNano(0).toString()));
        showDetails();
    }

    private void showDetails() {
        details.setText(view.selected().map(n -> NodeDetails.of(view.input(), n))
                .orElse(Messages.get("topology.details.hint")));
    }

    public TopologyView view() {
        return view;
    }

    public String details() {
        return details.getText();
    }
}
