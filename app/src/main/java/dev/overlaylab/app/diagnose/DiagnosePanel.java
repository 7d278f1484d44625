package dev.overlaylab.app.diagnose;

import com.formdev.flatlaf.FlatClientProperties;
import dev.overlaylab.app.AppContext;
import dev.overlaylab.app.engine.Diagnosis;
import dev.overlaylab.app.engine.FixOutcome;
import dev.overlaylab.app.engine.VerifyOutcome;
import dev.overlaylab.app.ui.Banner;
import dev.overlaylab.app.ui.Dialogs;
import dev.overlaylab.app.ui.Icons;
import dev.overlaylab.app.ui.Messages;
import dev.overlaylab.app.ui.Worker;
import dev.overlaylab.model.Lab;
import dev.overlaylab.progress.ProgressListener;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import net.miginfocom.swing.MigLayout;

/**
 * Diagnose ({@code olab diagnose}): the root causes by stable id with their evidence; Fix ({@code --fix})
 * and, confirmed separately, Fix that also changes what the lab did not make ({@code --force}); then what
 * changed and the new diagnosis. Practice ({@code olab break LAB random}, local labs only) lives in
 * {@link PracticeBox}. The matrix of every run goes to the Verify tab.
 */
public final class DiagnosePanel extends JPanel {
    private final AppContext ctx;
    private Lab lab;
    private final JButton run = new JButton(Messages.get("diagnose.run"), Icons.get("info"));
    private final JButton fix = new JButton(Messages.get("diagnose.fix"));
    private final JButton force = new JButton(Messages.get("diagnose.force"));
    private final JLabel summary = new JLabel();
    private final Banner banner = new Banner();
    private final FindingsView findings = new FindingsView();
    private final JTextArea changes = FindingsView.wrap("", FindingsView.monospaced());
    private final JPanel changesBox = new JPanel(new MigLayout("insets 0, fillx, wrap 1",
            // columns
            "[grow, fill]",
            // rows
            "[]4[]"));
    private final PracticeBox practice;
    private Optional<Diagnosis> last = Optional.empty();
    private boolean running;
    private Consumer<VerifyOutcome> onMatrix = m -> { };

    public DiagnosePanel(AppContext ctx, Lab lab) {
        super(new MigLayout("insets 0, fill, wrap 1, hidemode 3",
                // columns
                "[grow, fill]",
                // rows: (banner and header docked north) findings
                "[grow, fill]"));
        this.ctx = ctx;
        this.lab = lab;
        setName("diagnosePanel");
        setBorder(javax.swing.BorderFactory.createEmptyBorder(12, 12, 12, 12)); // docked parts ignore the layout's insets
        run.setName("diagnose.run");
        fix.setName("diagnose.fix");
        force.setName("diagnose.force");
        summary.setName("diagnose.summary");
        summary.setText(Messages.get("diagnose.notRun"));
        run.addActionListener(e -> diagnose());
        fix.addActionListener(e -> fix(false));
        force.addActionListener(e -> confirmForce());
        banner.setName("diagnose.banner");
        add(banner, "dock north, gapbottom 8");
        JPanel header = new JPanel(new MigLayout("insets 0, fillx, wrap 1, hidemode 3",
                // columns
                "[grow, fill]",
                // rows: toolbar, summary, practice, changes
                "[]4[]8[]8[]"));
        JPanel toolbar = new JPanel(new MigLayout("insets 0",
                // columns: three buttons, then nothing
                "[][][][grow]",
                // rows
                "[]"));
        toolbar.add(run);
        toolbar.add(fix);
        toolbar.add(force);
        header.add(toolbar);
        header.add(summary, "wmin 0");
        practice = new PracticeBox(this);
        header.add(practice, "wmin 0");

        changes.setName("diagnose.changes");
        JLabel changesTitle = new JLabel(Messages.get("diagnose.changes"));
        changesTitle.putClientProperty(FlatClientProperties.STYLE_CLASS, "h4");
        changesBox.add(changesTitle);
        changesBox.add(changes, "wmin 0");
        changesBox.setVisible(false);
        header.add(changesBox, "wmin 0");
        add(header, "dock north, gapbottom 8");

        JScrollPane scroll = new JScrollPane(findings);
        scroll.getVerticalScrollBar().setUnitIncrement(16);
        add(scroll, "grow, push");
        updateButtons();
    }

    /** The lab changed (regenerate pushed): later runs look at the new one. */
    public void setLab(Lab changed) {
        lab = changed;
        practice.updateReason();
    }

    Lab lab() {
        return lab;
    }

    AppContext ctx() {
        return ctx;
    }

    /** Told the matrix of every run, for the Verify tab. */
    public void setOnMatrix(Consumer<VerifyOutcome> listener) {
        onMatrix = listener;
    }

    /** Told whether the Verify tab must hide its findings (a practice fault not revealed yet). */
    public void setOnPractising(Consumer<Boolean> listener) {
        practice.setOnPractising(listener);
    }

    /** Asked to bring the Verify tab's matrix to the front. */
    public void setOnShowMatrix(Runnable listener) {
        practice.setOnShowMatrix(listener);
    }

    /** True while diagnose, fix or a practice step runs. */
    public boolean isRunning() {
        return running;
    }

    /** Diagnose as its button would: not while something runs, nor while a practice fault is hidden. */
    public void diagnoseIfAllowed() {
        if (run.isEnabled()) {
            diagnose();
        }
    }

    public void diagnose() {
        busy(Messages.get("diagnose.running"));
        Worker.<Diagnosis>of(() -> ctx.service().diagnose(lab, ProgressListener.NONE), d -> {
            idle();
            changesBox.setVisible(false);
            show(d);
        }, e -> failed("diagnose.error", e)).execute();
    }

    private void confirmForce() {
        List<String> commands = last.map(d -> d.findings().stream().filter(f -> f.repair() == Diagnosis.Repair.FORCE)
                .flatMap(f -> f.commands().stream()).toList()).orElse(List.of());
        String text = commands.isEmpty() ? Messages.get("diagnose.confirmForce.none")
                : Messages.format("diagnose.confirmForce.text", "  " + String.join("\n  ", commands));
        String answer = Dialogs.ask(this, "diagnose.confirmForce", Messages.get("diagnose.confirmForce.title"),
                JOptionPane.WARNING_MESSAGE, text, "cancel", "cancel",
                new Dialogs.Answer("yes", Messages.get("diagnose.confirmForce.yes")),
                new Dialogs.Answer("cancel", Messages.get("dialog.cancel")));
        if ("yes".equals(answer)) {
            fix(true);
        }
    }

    /** Fix ({@code --fix}, with {@code force} also {@code --force}); {@code then} sees the outcome after it is shown. */
    void fix(boolean withForce, Consumer<FixOutcome> then) {
        busy(Messages.get("diagnose.fixing"));
        Worker.<FixOutcome>of(() -> ctx.service().fix(lab, withForce, ProgressListener.NONE), out -> {
            idle();
            showChanges(out);
            show(out.after());
            then.accept(out);
        }, e -> failed("diagnose.fixError", e)).execute();
    }

    private void fix(boolean withForce) {
        fix(withForce, out -> { });
    }

    /** A diagnosis arrived: its matrix to the Verify tab, its findings here. */
    void show(Diagnosis d) {
        last = Optional.of(d);
        onMatrix.accept(d.matrix());
        findings.show(d.findings());
        long failed = d.matrix().checks().stream().filter(c -> !c.passed() && !c.skipped()).count();
        summary.setText(d.findings().isEmpty() && failed == 0
                ? Messages.format("diagnose.healthy", d.matrix().checks().size())
                : Messages.format("diagnose.summary", Math.max(1, d.findings().size()), failed, d.matrix().checks().size()));
        updateButtons();
    }

    /** A matrix without a diagnosis (practice: the person looks first), for the Verify tab. */
    void showMatrixOnly(VerifyOutcome matrix) {
        onMatrix.accept(matrix);
    }

    /** Instead of findings: a note (a practice fault waiting to be found). */
    void hideFindings(String note) {
        last = Optional.empty();
        findings.message(note);
        summary.setText(" ");
        changesBox.setVisible(false);
        updateButtons();
    }

    private void showChanges(FixOutcome out) {
        StringBuilder b = new StringBuilder();
        out.changed().forEach(c -> b.append("\u2022 ").append(c).append('\n'));
        if (out.changed().isEmpty()) {
            b.append(Messages.get("diagnose.changes.none")).append('\n');
        }
        if (!out.heldBack().isEmpty()) {
            b.append('\n').append(Messages.get("diagnose.changes.heldBack")).append('\n');
            out.heldBack().forEach(c -> b.append("\u2022 ").append(c).append('\n'));
        }
        if (!out.failed().isEmpty()) {
            b.append('\n').append(Messages.get("diagnose.changes.failed")).append('\n');
            out.failed().forEach(c -> b.append("\u2022 ").append(ForPeople.fix(c, Messages.get("diagnose.fix"))).append('\n'));
        }
        changes.setText(b.toString().strip());
        changesBox.setVisible(true);
        revalidate();
    }

    void busy(String what) {
        running = true;
        banner.clear();
        summary.setText(what);
        updateButtons();
    }

    void idle() {
        running = false;
        updateButtons();
    }

    void failed(String key, Throwable e) {
        idle();
        banner.show(Banner.Kind.ERROR, Messages.format(key, ForPeople.error(e)));
        summary.setText(" ");
    }

    void updateButtons() {
        boolean free = !running && !practice.hidesDiagnosis();
        run.setEnabled(free);
        List<Diagnosis.Item> found = last.map(Diagnosis::findings).orElse(List.of());
        fix.setEnabled(free && found.stream().anyMatch(f -> f.repair() != Diagnosis.Repair.PERSON));
        force.setEnabled(free && found.stream().anyMatch(f -> f.repair() == Diagnosis.Repair.FORCE));
        practice.updateButtons(running);
    }
}
