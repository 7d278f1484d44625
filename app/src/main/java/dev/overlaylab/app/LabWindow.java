package dev.overlaylab.app;

import com.formdev.flatlaf.FlatClientProperties;
import dev.overlaylab.app.progress.ProvisionPanel;
import dev.overlaylab.app.regen.RegeneratePanel;
import dev.overlaylab.app.topology.TopologyInput;
import dev.overlaylab.app.topology.TopologyPanel;
import dev.overlaylab.app.ui.Icons;
import dev.overlaylab.app.ui.Messages;
import dev.overlaylab.app.verify.VerifyPanel;
import dev.overlaylab.model.Lab;
import java.nio.file.Path;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTabbedPane;
import net.miginfocom.swing.MigLayout;

/** An open lab: a header line and one tab per job (provision, verify, topology, regenerate). */
public final class LabWindow extends JPanel {
    private final JTabbedPane tabs = new JTabbedPane();
    private final ProvisionPanel provision;
    private final VerifyPanel verify;
    private final TopologyPanel topology;

    LabWindow(AppContext ctx, Path file, Lab lab) {
        super(new MigLayout("insets 12 16 8 16, fill, wrap 1",
                // columns
                "[grow, fill]",
                // rows
                "[]4[]8[grow, fill]"));
        setName("labWindow");
        JLabel title = new JLabel(lab.name());
        title.putClientProperty(FlatClientProperties.STYLE_CLASS, "h2");
        JLabel facts = new JLabel(Messages.format("lab.facts", lab.provider(), lab.nodes().size(),
                lab.network().cidr(), lab.flannel().network(), lab.flannel().backend().type(), file));
        facts.putClientProperty(FlatClientProperties.STYLE, "foreground: $Label.disabledForeground");
        add(title);
        add(facts);
        provision = new ProvisionPanel(ctx, lab);
        verify = new VerifyPanel(ctx, lab);
        topology = new TopologyPanel(ctx, TopologyInput.of(lab));
        tabs.setName("lab.tabs");
        tabs.addTab(Messages.get("tab.provision"), Icons.get("provision"), provision);
        tabs.addTab(Messages.get("tab.verify"), Icons.get("verify"), verify);
        tabs.addTab(Messages.get("tab.topology"), Icons.get("topology"), topology);
        tabs.addTab(Messages.get("tab.regenerate"), Icons.get("regenerate"), new RegeneratePanel(ctx, file, lab));
        add(tabs);
    }

    void dispose() {
        provision.dispose();
    }

    public void provision() {
        tabs.setSelectedComponent(provision);
        provision.provision();
    }

    public ProvisionPanel provisionPanel() {
        return provision;
    }

    public JTabbedPane tabs() {
        return tabs;
    }

    public VerifyPanel verify() {
        return verify;
    }

    public TopologyPanel topology() {
        return topology;
    }
}
