package dev.overlaylab.app.verify;

import com.formdev.flatlaf.FlatClientProperties;
import dev.overlaylab.app.AppContext;
import dev.overlaylab.app.engine.CheckResult;
import dev.overlaylab.app.engine.Finding;
import dev.overlaylab.app.engine.VerifyOutcome;
import dev.overlaylab.app.ui.Banner;
import dev.overlaylab.app.ui.Icons;
import dev.overlaylab.app.ui.Messages;
import dev.overlaylab.app.ui.Worker;
import dev.overlaylab.model.Lab;
import dev.overlaylab.progress.ProgressListener;
import java.awt.Font;
import java.util.List;
import java.util.Optional;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.ListSelectionModel;
import javax.swing.UIManager;
import net.miginfocom.swing.MigLayout;

/**
 * Verify: one click runs the matrix; per-node and node-pair grids, green/red with the evidence as
 * tooltip and in the details panel; re-run one selected check; the diagnoser's findings underneath.
 */
public final class VerifyPanel extends JPanel {
    private final AppContext ctx;
    private Lab lab;
    private final MatrixModel nodes = new MatrixModel(MatrixModel.Kind.NODES);
    private final MatrixModel pairs = new MatrixModel(MatrixModel.Kind.PAIRS);
    private final JTable nodeTable = table(nodes, "verify.nodes");
    private final JTable pairTable = table(pairs, "verify.pairs");
    private final JTextArea details = new JTextArea();
    private final JTextArea findings = new JTextArea();
    private final JButton run = new JButton(Messages.get("verify.run"), Icons.get("verify"));
    private final JButton rerun = new JButton(Messages.get("verify.rerun"), Icons.get("retry"));
    private final JButton diagnose = new JButton(Messages.get("diagnose.run"), Icons.get("info"));
    private final JLabel summary = new JLabel(Messages.get("verify.notRun"));
    private final Banner banner = new Banner();
    private Optional<CheckResult> selected = Optional.empty();
    private boolean running;
    private boolean findingsHidden;
    private List<Finding> lastFindings = List.of();
    private JTable lastTable;
    private java.util.function.Consumer<java.util.Map<String, String>> onLeases = l -> { };
    private java.util.function.Consumer<VerifyOutcome> onOutcome = o -> { };

    public VerifyPanel(AppContext ctx, Lab lab) {
        super(new MigLayout("insets 12, fill, wrap 1, hidemode 3",
                // columns
                "[grow, fill]",
                // rows: (banner docked north) toolbar, grids and details
                "[]8[grow, fill]"));
        this.ctx = ctx;
        this.lab = lab;
        setName("verifyPanel");
        run.setName("verify.run");
        banner.setName("verify.banner");
        rerun.setName("verify.rerun");
        rerun.setEnabled(false);
        run.addActionListener(e -> runAll());
        rerun.addActionListener(e -> selected.ifPresent(this::rerun));
        add(banner, "dock north, gapbottom 8");
        diagnose.setName("verify.diagnose");
        diagnose.setVisible(false);
        add(run, "split 4, sg btn");
        add(rerun, "sg btn");
        add(diagnose);
        add(summary, "gapleft 12");

        JPanel grids = new JPanel(new MigLayout("insets 0, fill, wrap 1",
                // columns
                "[grow, fill]",
                // rows
                "[][grow 40, fill]8[][grow 60, fill]"));
        grids.add(heading("verify.nodes"));
        grids.add(new JScrollPane(nodeTable));
        grids.add(heading("verify.pairs"));
        grids.add(new JScrollPane(pairTable));

        for (JTextArea a : List.of(details, findings)) {
            a.setEditable(false);
            a.setLineWrap(true);
            a.setWrapStyleWord(true);
            dev.overlaylab.app.ui.Fonts.monospaced(a);
        }
        details.setName("verify.details");
        findings.setName("verify.findings");
        details.setText(Messages.get("verify.details.empty"));
        findings.setText(Messages.get("verify.findings.empty"));
        JPanel side = new JPanel(new MigLayout("insets 0 8 0 0, fill, wrap 1",
                // columns
                "[grow, fill]",
                // rows
                "[][grow 50, fill]8[][grow 50, fill]"));
        side.add(heading("verify.details"));
        side.add(new JScrollPane(details));
        side.add(heading("verify.findings"));
        side.add(new JScrollPane(findings));
        grids.setPreferredSize(new java.awt.Dimension(660, 400));
        side.setPreferredSize(new java.awt.Dimension(420, 400));
        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, grids, side);
        split.setResizeWeight(0.6);
        split.setBorder(null);
        add(split, "push, grow");

        for (JTable t : List.of(nodeTable, pairTable)) {
            t.getSelectionModel().addListSelectionListener(e -> select(t));
            t.getColumnModel().getSelectionModel().addListSelectionListener(e -> select(t));
        }
    }

    private static JLabel heading(String key) {
        JLabel l = new JLabel(Messages.get(key));
        l.putClientProperty(FlatClientProperties.STYLE_CLASS, "h4");
        return l;
    }

    private static JTable table(MatrixModel model, String name) {
        JTable t = new JTable(model);
        t.setName(name);
        t.setDefaultRenderer(CheckResult.class, new CheckCellRenderer());
        t.setCellSelectionEnabled(true);
        t.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        t.getTableHeader().setReorderingAllowed(false);
        t.setFillsViewportHeight(true);
        return t;
    }

    /** The lab changed (regenerate pushed a new backend): later runs check the new one. */
    public void setLab(Lab changed) {
        lab = changed;
    }

    public MatrixModel pairs() {
        return pairs;
    }

    public MatrixModel nodes() {
        return nodes;
    }

    /** Runs the whole matrix off the event thread. */
    public void runAll() {
        running = true;
        run.setEnabled(false);
        rerun.setEnabled(false);
        summary.setText(Messages.get("verify.running"));
        Worker.<VerifyOutcome>of(() -> ctx.service().verify(lab, Optional.empty(), ProgressListener.NONE),
                this::show, this::failed).execute();
    }

    private void rerun(CheckResult cell) {
        running = true;
        rerun.setEnabled(false);
        summary.setText(Messages.format("verify.rerunning", cell.check(), MatrixModel.rowKey(cell)));
        Worker.<VerifyOutcome>of(() -> ctx.service().verify(lab, Optional.of(cell), ProgressListener.NONE), out -> {
            out.checks().forEach(r -> {
                if (!pairs.update(r)) {
                    nodes.update(r);
                }
            });
            updateSummary(); // the findings stay those of the last whole matrix: one cell is not what they weigh
            running = false;
            rerun.setEnabled(true);
            if (lastTable != null) {
                select(lastTable); // the evidence shown must be the new result's
            }
        }, this::failed).execute();
    }

    /** True while a matrix (or one re-run) is in flight. */
    public boolean isRunning() {
        return running;
    }

    /** Shows a Diagnose button next to Run verification; {@code action} runs it (the Diagnose tab). */
    public void setOnDiagnose(Runnable action) {
        diagnose.setVisible(true);
        diagnose.addActionListener(e -> action.run());
    }

    /** Told each run's whole outcome (the topology colours its links by it). */
    public void setOnOutcome(java.util.function.Consumer<VerifyOutcome> listener) {
        onOutcome = listener;
    }

    /** Told the leases each run found (node → subnet), for the topology picture. */
    public void setOnLeases(java.util.function.Consumer<java.util.Map<String, String>> listener) {
        onLeases = listener;
    }

    /** Shows a matrix run elsewhere (the Diagnose tab's runs) as if this tab had run it. */
    public void showOutcome(VerifyOutcome out) {
        show(out);
    }

    /** Practice: while a fault is not revealed, the findings would give it away. */
    public void hideFindings(boolean hide) {
        findingsHidden = hide;
        showFindings(lastFindings);
    }

    private void show(VerifyOutcome out) {
        running = false;
        if (!out.leases().isEmpty()) {
            onLeases.accept(out.leases());
        }
        onOutcome.accept(out);
        nodes.setResults(out.checks());
        pairs.setResults(out.checks());
        sizeColumns(nodeTable, 150);
        sizeColumns(pairTable, 130);
        showFindings(out.findings());
        updateSummary();
        run.setEnabled(true);
        // Show the evidence of the first red cell at once: that is what the person looks for.
        pairs.firstFailed().map(rc -> new Object[] {pairTable, rc})
                .or(() -> nodes.firstFailed().map(rc -> new Object[] {nodeTable, rc}))
                .ifPresent(sel -> {
                    JTable t = (JTable) sel[0];
                    int[] rc = (int[]) sel[1];
                    t.changeSelection(rc[0], rc[1], false, false);
                    t.requestFocusInWindow();
                });
    }

    private static void sizeColumns(JTable t, int first) {
        if (t.getColumnCount() > 0) {
            t.getColumnModel().getColumn(0).setPreferredWidth(first);
            t.getColumnModel().getColumn(0).setMinWidth(first - 30);
        }
    }

    private void updateSummary() {
        long failed = nodes.failedCount() + pairs.failedCount();
        long passed = nodes.passedCount() + pairs.passedCount();
        summary.setText(Messages.format(failed == 0 ? "verify.summary.ok" : "verify.summary.failed", passed, failed));
    }

    private void showFindings(List<Finding> list) {
        lastFindings = list;
        if (findingsHidden) {
            findings.setText(Messages.get("verify.findings.hidden"));
            return;
        }
        if (list.isEmpty()) {
            findings.setText(Messages.get("verify.findings.none"));
            return;
        }
        StringBuilder b = new StringBuilder();
        for (Finding f : list) {
            b.append("● ").append(f.cause()).append('\n')
                    .append(labelled(Messages.get("verify.finding.evidence"), f.evidence()))
                    .append(labelled(Messages.get("verify.finding.fix"), f.fix())).append('\n');
        }
        findings.setText(b.toString().trim());
        findings.setCaretPosition(0);
    }

    /** "  seen: line" with later lines aligned under the first. */
    private static String labelled(String label, String text) {
        String pad = " ".repeat(label.length() + 1);
        return label + " " + text.strip().replace("\n", "\n" + pad) + "\n";
    }

    private void failed(Throwable e) {
        running = false;
        run.setEnabled(true);
        banner.show(Banner.Kind.ERROR, Messages.format("verify.error", dev.overlaylab.app.engine.UserMessages.error(e)));
        summary.setText(Messages.get("verify.failedToRun"));
    }

    private void select(JTable t) {
        lastTable = t;
        MatrixModel m = (MatrixModel) t.getModel();
        selected = m.at(t.getSelectedRow(), t.getSelectedColumn());
        rerun.setEnabled(selected.isPresent() && run.isEnabled());
        details.setText(selected.map(r -> Messages.format("verify.details.text", r.check(), MatrixModel.rowKey(r),
                Messages.get(r.skipped() ? "verify.skip" : r.passed() ? "verify.pass" : "verify.fail"), r.evidence()))
                .orElse(Messages.get("verify.details.empty")));
        details.setCaretPosition(0);
    }
}
