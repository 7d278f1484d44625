package dev.overlaylab.app.life;

import com.formdev.flatlaf.FlatClientProperties;
import dev.overlaylab.app.AppContext;
import dev.overlaylab.app.diagnose.ForPeople;
import dev.overlaylab.app.ui.Banner;
import dev.overlaylab.app.ui.Dialogs;
import dev.overlaylab.app.ui.Icons;
import dev.overlaylab.app.ui.Messages;
import dev.overlaylab.app.ui.Worker;
import dev.overlaylab.model.Lab;
import dev.overlaylab.progress.ProgressEvent;
import java.util.List;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import net.miginfocom.swing.MigLayout;

/**
 * What provisioning would do now: the engine's own dry run ({@code olab up --dry-run}), stage by
 * stage and node by node, with each step's commands and files. Looking changes nothing.
 */
public final class PlanPanel extends JPanel {
    private final AppContext ctx;
    private final JTextArea text = new JTextArea();
    private final JButton show = new JButton(Icons.get("plan"));
    private final Banner banner = new Banner();
    private Lab lab;
    private boolean loading;
    private boolean shown;

    public PlanPanel(AppContext ctx, Lab lab) {
        super(new MigLayout("insets 12, fill, wrap 1",
                // columns
                "[grow, fill]",
                // rows: intro and button, banner (when shown), the plan taking the height
                "[]6"));
        this.ctx = ctx;
        this.lab = lab;
        setName("plan");
        JLabel intro = new JLabel(Messages.get("plan.intro"));
        show.setName("plan.show");
        Dialogs.label(show, Messages.get("plan.show"));
        show.addActionListener(e -> load());
        text.setName("plan.text");
        text.setEditable(false);
        text.putClientProperty(FlatClientProperties.STYLE_CLASS, "monospaced");
        add(intro, "split 2, growx, wmin 100");
        add(show, "gapleft push");
        add(banner, "hidemode 3");
        add(new JScrollPane(text), "push, grow");
        // the first time the tab is shown, the plan is worked out without a click
        addHierarchyListener(e -> {
            if (isShowing() && !shown && !loading) {
                load();
            }
        });
    }

    public void setLab(Lab changed) {
        lab = changed;
        shown = false;
    }

    public void load() {
        loading = true;
        show.setEnabled(false);
        banner.show(Banner.Kind.INFO, Messages.get("plan.loading"));
        Worker.<List<ProgressEvent>>of(() -> ctx.service().plan(lab), events -> {
            loading = false;
            shown = true;
            show.setEnabled(true);
            banner.clear();
            text.setText(events.isEmpty() ? Messages.get("plan.empty") : format(events));
            text.setCaretPosition(0);
        }, e -> {
            loading = false;
            show.setEnabled(true);
            banner.show(Banner.Kind.ERROR, Messages.format("plan.failed", ForPeople.error(e)));
        }).execute();
    }

    /** As the command line prints a dry run: a heading per stage, the node, each step and its lines. */
    static String format(List<ProgressEvent> planned) {
        StringBuilder b = new StringBuilder();
        String stage = null;
        String node = null;
        for (ProgressEvent e : planned) {
            if (!e.stage().equals(stage)) {
                if (stage != null) {
                    b.append('\n');
                }
                b.append("== ").append(e.stage()).append('\n');
                stage = e.stage();
                node = null;
            }
            if (!e.node().equals(node)) {
                b.append("  ").append(e.node().isEmpty() ? Messages.get("plan.lab") : e.node()).append('\n');
                node = e.node();
            }
            b.append("    ").append(e.step()).append('\n');
            for (String line : e.message().split("\n")) {
                if (!line.isBlank()) {
                    b.append("      - ").append(line).append('\n');
                }
            }
        }
        return b.toString();
    }

    public boolean isLoading() {
        return loading;
    }

    public String planText() {
        return text.getText();
    }
}
