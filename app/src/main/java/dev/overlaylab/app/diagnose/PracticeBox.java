package dev.overlaylab.app.diagnose;

import com.formdev.flatlaf.FlatClientProperties;
import dev.overlaylab.app.engine.Diagnosis;
import dev.overlaylab.app.engine.PracticeBreak;
import dev.overlaylab.app.engine.VerifyOutcome;
import dev.overlaylab.app.ui.Dialogs;
import dev.overlaylab.app.ui.Messages;
import dev.overlaylab.app.ui.Worker;
import dev.overlaylab.progress.ProgressListener;
import java.util.Optional;
import java.util.function.Consumer;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JTextArea;
import javax.swing.UIManager;
import net.miginfocom.swing.MigLayout;

/**
 * Practice mode: on a healthy local lab, break one random fault ({@code olab break LAB random}, confirmed
 * first), let the person read the matrix and its evidence with the findings hidden, then reveal the
 * diagnosis next to what was injected, and repair it. Elsewhere disabled, with the reason.
 */
final class PracticeBox extends JPanel {
    private final DiagnosePanel owner;
    private final JButton start = new JButton(Messages.get("practice.start"));
    private final JButton showMatrix = new JButton(Messages.get("practice.showMatrix"));
    private final JButton reveal = new JButton(Messages.get("practice.reveal"));
    private final JButton repair = new JButton(Messages.get("practice.repair"));
    private final JTextArea status = FindingsView.wrap("", UIManager.getFont("Label.font"));
    private Optional<PracticeBreak> injected = Optional.empty();
    private boolean revealed;
    private Optional<String> reason = Optional.empty();
    private Consumer<Boolean> onPractising = hide -> { };
    private Runnable onShowMatrix = () -> { };

    /** What the worker of Practice found: the lab was not healthy (no break), or what it broke and the matrix after. */
    private record Started(Diagnosis before, PracticeBreak broke, VerifyOutcome matrix) {
    }

    PracticeBox(DiagnosePanel owner) {
        super(new MigLayout("insets 10 12 10 12, fillx, wrap 1, hidemode 3",
                // columns
                "[grow, fill]",
                // rows
                "[]4[]6[]"));
        this.owner = owner;
        setName("practice");
        putClientProperty(FlatClientProperties.STYLE, "arc: 10; border: 1,1,1,1, $Component.borderColor, 1, 10");
        JLabel title = new JLabel(Messages.get("practice.title"));
        title.putClientProperty(FlatClientProperties.STYLE_CLASS, "h4");
        add(title, "split 2");
        JTextArea intro = FindingsView.wrap(Messages.get("practice.intro"), UIManager.getFont("Label.font"));
        add(intro, "wmin 0, gapleft 8");
        start.setName("practice.start");
        showMatrix.setName("practice.showMatrix");
        reveal.setName("practice.reveal");
        repair.setName("practice.repair");
        status.setName("practice.status");
        start.addActionListener(e -> confirmAndBreak());
        showMatrix.addActionListener(e -> onShowMatrix.run());
        reveal.addActionListener(e -> reveal());
        repair.addActionListener(e -> repair());
        JPanel buttons = new JPanel(new MigLayout("insets 0",
                // columns: four buttons, then nothing
                "[][][][][grow]",
                // rows
                "[]"));
        buttons.setOpaque(false);
        buttons.add(start);
        buttons.add(showMatrix);
        buttons.add(reveal);
        buttons.add(repair);
        add(buttons);
        add(status, "wmin 0");
        say("");
        updateReason();
    }

    private void say(String text) {
        status.setText(text);
        status.setVisible(!text.isBlank());
    }

    void setOnPractising(Consumer<Boolean> listener) {
        onPractising = listener;
    }

    void setOnShowMatrix(Runnable listener) {
        onShowMatrix = listener;
    }

    /** Practice is offered only where the engine can break the lab (local labs). */
    void updateReason() {
        reason = owner.ctx().service().practiceUnavailable(owner.lab());
        reason.ifPresent(r -> {
            say(r);
            start.setToolTipText(r);
        });
        if (reason.isEmpty()) {
            start.setToolTipText(null);
        }
    }

    /** True while a fault is injected and not revealed yet: nothing may show the diagnosis. */
    boolean hidesDiagnosis() {
        return injected.isPresent() && !revealed;
    }

    void updateButtons(boolean running) {
        start.setEnabled(!running && reason.isEmpty() && injected.isEmpty());
        showMatrix.setEnabled(injected.isPresent());
        reveal.setEnabled(!running && hidesDiagnosis());
        repair.setEnabled(!running && injected.isPresent());
    }

    private void confirmAndBreak() {
        String answer = Dialogs.ask(this, "practice.confirm", Messages.get("practice.confirm.title"), JOptionPane.WARNING_MESSAGE,
                Messages.format("practice.confirm.text", owner.lab().name()), "cancel", "cancel",
                new Dialogs.Answer("yes", Messages.get("practice.confirm.yes")),
                new Dialogs.Answer("cancel", Messages.get("dialog.cancel")));
        if (!"yes".equals(answer)) {
            return;
        }
        var lab = owner.lab();
        var service = owner.ctx().service();
        owner.busy(Messages.get("practice.checking"));
        say(Messages.get("practice.breaking"));
        Worker.<Started>of(() -> {
            Diagnosis before = service.diagnose(lab, ProgressListener.NONE);
            if (!before.healthy()) {
                return new Started(before, null, null);
            }
            PracticeBreak broke = service.practice(lab);
            try {
                return new Started(before, broke, service.verify(lab, Optional.empty(), ProgressListener.NONE));
            } catch (Exception e) {
                return new Started(before, broke, null); // the lab is broken now: what was done must not be lost
            }
        }, s -> {
            if (s.broke() == null) {
                owner.idle();
                owner.show(s.before());
                say(Messages.get("practice.notHealthy"));
                return;
            }
            injected = Optional.of(s.broke());
            revealed = false;
            onPractising.accept(true);
            owner.idle();
            owner.hideFindings(Messages.get("practice.hidden"));
            say(Messages.format("practice.broken", s.broke().node()));
            if (s.matrix() != null) {
                owner.showMatrixOnly(s.matrix());
            }
        }, this::failed).execute();
    }

    private void reveal() {
        PracticeBreak b = injected.orElseThrow();
        owner.busy(Messages.get("practice.revealing"));
        Worker.<Diagnosis>of(() -> owner.ctx().service().diagnose(owner.lab(), ProgressListener.NONE), d -> {
            revealed = true;
            onPractising.accept(false);
            owner.idle();
            owner.show(d);
            boolean found = d.findings().stream().anyMatch(f -> f.id().equals(b.faultId()));
            say(Messages.format("practice.revealed", b.faultId(), b.node(),
                    Messages.get(found ? "practice.revealed.found" : "practice.revealed.missed")));
        }, this::failed).execute();
    }

    /** Repair undoes the injected fault: with force only when the fault lies in what the lab did not make (it is ours). */
    private void repair() {
        PracticeBreak b = injected.orElseThrow();
        if (!revealed) {
            revealed = true;
            onPractising.accept(false);
        }
        owner.fix(b.repairNeedsForce(), out -> {
            boolean healthy = out.after().healthy();
            if (healthy) {
                injected = Optional.empty();
            }
            say(Messages.get(healthy ? "practice.repaired" : "practice.notRepaired"));
            owner.updateButtons();
        });
    }

    private void failed(Throwable e) {
        say("");
        owner.failed("practice.error", e);
    }
}
