package dev.overlaylab.app;

import com.formdev.flatlaf.FlatClientProperties;
import dev.overlaylab.app.diagnose.DiagnosePanel;
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

/** An open lab: a header line with its state and life (halt, resume, snapshots, down), and one tab per job. */
public final class LabWindow extends JPanel {
    private final JTabbedPane tabs = new JTabbedPane();
    private final ProvisionPanel provision;
    private final VerifyPanel verify;
    private final DiagnosePanel diagnose;
    private final TopologyPanel topology;
    private final JLabel facts = new JLabel();
    private final RegeneratePanel regen;
    private final String labName;
    private final dev.overlaylab.app.life.LifeBar life;
    private final dev.overlaylab.app.life.PlanPanel plan;
    private final dev.overlaylab.app.life.NodesPanel nodes;

    LabWindow(AppContext ctx, Path file, Lab lab) {
        super(new MigLayout("insets 12 16 8 16, fill, wrap 1",
                // columns
                "[grow, fill]",
                // rows
                "[]4[]8[grow, fill]"));
        setName("labWindow");
        JLabel title = new JLabel(lab.name());
        title.putClientProperty(FlatClientProperties.STYLE_CLASS, "h2");
        facts.setText(factsOf(lab, file));
        facts.putClientProperty(FlatClientProperties.STYLE, "foreground: $Label.disabledForeground");
        add(title, "split 2");
        life = new dev.overlaylab.app.life.LifeBar(ctx, lab);
        add(life, "growx, gapleft 16");
        add(facts);
        provision = new ProvisionPanel(ctx, lab);
        verify = new VerifyPanel(ctx, lab);
        diagnose = new DiagnosePanel(ctx, lab);
        topology = new TopologyPanel(ctx, TopologyInput.of(lab));
        tabs.setName("lab.tabs");
        tabs.addTab(Messages.get("tab.provision"), Icons.get("provision"), provision);
        tabs.addTab(Messages.get("tab.verify"), Icons.get("verify"), verify);
        diagnose.setOnMatrix(verify::showOutcome);
        diagnose.setOnPractising(verify::hideFindings);
        diagnose.setOnShowMatrix(() -> tabs.setSelectedComponent(verify));
        verify.setOnDiagnose(() -> {
            tabs.setSelectedComponent(diagnose);
            diagnose.diagnoseIfAllowed();
        });
        tabs.addTab(Messages.get("tab.topology"), Icons.get("topology"), topology);
        verify.setOnLeases(topology::showLeases);
        verify.setOnOutcome(topology::showVerification);
        labName = lab.name();
        regen = new RegeneratePanel(ctx, file, lab);
        plan = new dev.overlaylab.app.life.PlanPanel(ctx, lab);
        nodes = new dev.overlaylab.app.life.NodesPanel(ctx, lab);
        regen.setOnPushed(changed -> {
            facts.setText(factsOf(changed, file));
            provision.setLab(changed);
            verify.setLab(changed);
            diagnose.setLab(changed);
            topology.view().setInput(TopologyInput.of(changed));
            life.setLab(changed);
            plan.setLab(changed);
            nodes.setLab(changed);
        });
        tabs.addTab(Messages.get("tab.regenerate"), Icons.get("regenerate"), regen);
        // Last, so the tabs people and tests already know keep their places; Verify's own Diagnose button leads here.
        tabs.addTab(Messages.get("tab.diagnose"), Icons.get("info"), diagnose);
        // a lab's life: what up would do, and each node's logs and shell (after the tabs people know)
        tabs.addTab(Messages.get("tab.plan"), Icons.get("plan"), plan);
        tabs.addTab(Messages.get("tab.nodes"), Icons.get("logs"), nodes);
        life.tell(nodes);
        provision.setOnFinished(life::refreshState);
        // Provision is offered only where the lab's provider can run (asked off the event thread: providers look at the machine)
        dev.overlaylab.app.ui.Worker.<java.util.Optional<String>>of(() -> ctx.service().providers().stream()
                .filter(p -> p.id().equals(lab.provider())).findFirst().flatMap(dev.overlaylab.app.engine.ProviderChoice::unavailableReason),
                why -> why.ifPresent(r -> provision.setCannotRun(r.lines().findFirst().orElse(r))),
                // not knowing leaves Provision on: provisioning itself then says why the provider cannot run
                e -> { }).execute();
        add(tabs);
    }

    private static String factsOf(Lab lab, Path file) {
        return Messages.format("lab.facts", lab.provider(), lab.nodes().size(), lab.network().cidr(),
                lab.flannel().network(), lab.flannel().backend().type(), file);
    }

    void dispose() {
        provision.dispose();
    }

    String labName() {
        return labName;
    }

    /** What closing this lab now would lose, in the person's words; empty when nothing would be. */
    java.util.List<String> unsavedWork() {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (provision.isRunning()) {
            out.add(Messages.get("lab.unsaved.provisioning"));
        }
        if (verify.isRunning()) {
            out.add(Messages.get("lab.unsaved.verifying"));
        }
        if (diagnose.isRunning()) {
            out.add(Messages.get("lab.unsaved.diagnosing"));
        }
        if (regen.hasUnpushedEdits()) {
            out.add(Messages.get("lab.unsaved.regenerate"));
        }
        return out;
    }

    /** The person chose to close this lab: running provisioning stops after its current step. */
    void stopWork() {
        provision.stop();
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

    public DiagnosePanel diagnose() {
        return diagnose;
    }

    public TopologyPanel topology() {
        return topology;
    }

    public dev.overlaylab.app.life.LifeBar life() {
        return life;
    }

    public dev.overlaylab.app.life.PlanPanel plan() {
        return plan;
    }

    public dev.overlaylab.app.life.NodesPanel nodes() {
        return nodes;
    }
}
