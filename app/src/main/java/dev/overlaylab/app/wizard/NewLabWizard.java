package dev.overlaylab.app.wizard;

import com.formdev.flatlaf.FlatClientProperties;
import dev.overlaylab.app.AppContext;
import dev.overlaylab.app.engine.Feature;
import dev.overlaylab.app.engine.ProviderChoice;
import dev.overlaylab.app.ui.Dialogs;
import dev.overlaylab.app.ui.Messages;
import dev.overlaylab.app.ui.Worker;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Problem;
import java.awt.CardLayout;
import java.awt.Dimension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JSeparator;
import javax.swing.Timer;
import net.miginfocom.swing.MigLayout;

/**
 * The new-lab wizard: provider → nodes → flannel → review → provision. Every edit re-validates the
 * whole lab file off the event thread (debounced); problems appear on the step that owns the field,
 * and Next stays disabled while the current or an earlier step has one.
 */
public final class NewLabWizard extends JDialog {
    private final AppContext ctx;
    private final WizardDraft draft = new WizardDraft();
    private final Map<WizardStep, StepPanel> pages = new EnumMap<>(WizardStep.class);
    private final Map<WizardStep, JLabel> crumbs = new EnumMap<>(WizardStep.class);
    private final CardLayout cards = new CardLayout();
    private final JPanel deck = new JPanel(cards);
    private final JButton back = new JButton(Messages.get("wizard.back"));
    private final JButton next = new JButton(Messages.get("wizard.next"));
    private final JButton cancel = new JButton(Messages.get("wizard.cancel"));
    private final Timer debounce = new Timer(200, e -> validateNow());
    private final ProviderStep providerStep;
    private final NodesStep nodesStep = new NodesStep();
    private String profilesFor;
    private final ReviewStep reviewStep = new ReviewStep();
    private final FlannelStep flannelStep = new FlannelStep();
    private final FinishStep finishStep;
    private WizardStep current = WizardStep.PROVIDER;
    private List<Problem> problems = List.of();
    private Optional<Lab> validLab = Optional.empty();
    private int generation;
    private boolean validating;

    /** {@code providers} were asked off the event thread (a provider may run a command to know). */
    public NewLabWizard(AppContext ctx, List<ProviderChoice> providers) {
        super(ctx.frame(), Messages.get("wizard.title"), ModalityType.APPLICATION_MODAL);
        this.ctx = ctx;
        setName("wizard");
        providerStep = new ProviderStep(providers, ctx.service());
        finishStep = new FinishStep(ctx.service().unavailable(Feature.UP));
        pages.put(WizardStep.PROVIDER, providerStep);
        pages.put(WizardStep.NODES, nodesStep);
        pages.put(WizardStep.FLANNEL, flannelStep);
        pages.put(WizardStep.REVIEW, reviewStep);
        pages.put(WizardStep.PROVISION, finishStep);

        JPanel steps = new JPanel(new MigLayout("insets 20 20 20 12, wrap 1, gapy 10",
                // columns
                "[170!]",
                // rows
                ""));
        for (WizardStep s : WizardStep.values()) {
            JLabel l = new JLabel((s.ordinal() + 1) + "   " + Messages.get(s.key()));
            l.setName("wizard.crumb." + s.name().toLowerCase(java.util.Locale.ROOT));
            crumbs.put(s, l);
            steps.add(l);
        }
        pages.forEach((s, p) -> {
            p.configure(draft);
            p.setOnChange(this::edited);
            deck.add(p, s.name());
        });

        back.setName("wizard.back");
        next.setName("wizard.next");
        cancel.setName("wizard.cancel");
        back.addActionListener(e -> go(-1));
        next.addActionListener(e -> nextOrFinish());
        cancel.addActionListener(e -> dispose());
        debounce.setRepeats(false);

        JPanel content = new JPanel(new MigLayout("insets 0, fill",
                // columns
                "[][1!][0:640:, grow, fill]",
                // rows
                "[grow, fill][1!][]"));
        content.add(steps, "growy");
        content.add(new JSeparator(JSeparator.VERTICAL), "growy");
        content.add(deck, "gap 20 20 20 12, wrap");
        content.add(new JSeparator(), "span 3, growx, wrap");
        content.add(back, "span 3, split 4, gapleft push, sg btn, gaptop 10, gapbottom 12");
        content.add(next, "sg btn");
        content.add(cancel, "sg btn, gapleft 16, gapright 20");
        setContentPane(content);
        Dialogs.escapeCloses(this, this::dispose);
        Dialogs.defaultButton(this, next);
        setMinimumSize(new Dimension(900, 620));
        setSize(1120, 720);
        setLocationRelativeTo(ctx.frame());
        showStep(WizardStep.PROVIDER);
        edited();
    }

    /** Any field changed: copy fields into the draft now, validate shortly (after typing pauses). */
    private void edited() {
        pages.values().forEach(p -> p.modifyDraft(draft));
        if (!draft.provider.equals(profilesFor)) {
            profilesFor = draft.provider;
            nodesStep.setProfiles(ctx.service().profiles(draft.provider), draft);
            flannelStep.providerChanged(draft);
        }
        generation++;
        validating = true;
        updateButtons();
        debounce.restart();
    }

    private void validateNow() {
        int gen = generation;
        String yaml = LabYamlWriter.write(draft);
        Worker.<ReviewData>of(() -> ReviewData.compute(ctx.service(), yaml), data -> {
            if (gen == generation) {
                validated(data);
            }
        }, err -> {
            if (gen == generation) {
                validating = false;
                problems = List.of(Problem.at("(lab)", String.valueOf(err.getMessage())));
                showProblems();
            }
        }).execute();
    }

    private void validated(ReviewData data) {
        validating = false;
        problems = data.validation().problems();
        validLab = data.validation().lab();
        reviewStep.show(data);
        showProblems();
    }

    private void showProblems() {
        Map<WizardStep, List<Problem>> byStep = ProblemRouter.byStep(problems);
        pages.forEach((s, p) -> p.showProblems(byStep.get(s)));
        updateButtons();
    }

    private void updateButtons() {
        back.setEnabled(current.ordinal() > 0);
        boolean ok = !validating && ProblemRouter.canLeave(current, problems);
        if (current == WizardStep.PROVIDER) {
            ok = ok && providerStep.anySelected();
        }
        if (current.isLast()) {
            ok = ok && validLab.isPresent() && draft.savedAs.isPresent();
            next.setText(Messages.get(finishStep.provisionNow() ? "wizard.finish.provision" : "wizard.finish"));
        } else {
            next.setText(Messages.get("wizard.next"));
        }
        next.setEnabled(ok);
        crumbs.forEach((s, l) -> {
            boolean blocked = !ProblemRouter.byStep(problems).get(s).isEmpty();
            String style = s == current ? "font: bold" : "foreground: $Label.disabledForeground";
            l.putClientProperty(FlatClientProperties.STYLE, blocked ? style + "; foreground: $Component.error.focusedBorderColor" : style);
        });
    }

    private void go(int delta) {
        int i = current.ordinal() + delta;
        if (i >= 0 && i < WizardStep.values().length) {
            showStep(WizardStep.values()[i]);
        }
    }

    private void showStep(WizardStep s) {
        current = s;
        if (s == WizardStep.PROVISION) {
            if (draft.savedAs.isEmpty()) {
                finishStep.setSaveAs(defaultFile());
                pages.get(s).modifyDraft(draft);
            }
            finishStep.showSummary(draft);
        }
        cards.show(deck, s.name());
        updateButtons();
    }

    private Path defaultFile() {
        Path dir = ctx.prefs().lastDirectory().orElse(Path.of(System.getProperty("user.home"), "overlay-labs"));
        return dir.resolve((draft.name.isBlank() ? "lab" : draft.name) + ".yaml");
    }

    private void nextOrFinish() {
        if (!next.isEnabled()) {
            return;
        }
        if (!current.isLast()) {
            go(1);
            return;
        }
        Path target = draft.savedAs.orElseThrow();
        String yaml = LabYamlWriter.write(draft);
        boolean provision = finishStep.provisionNow();
        next.setEnabled(false);
        Worker.<Lab>of(() -> {
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(target, yaml, StandardCharsets.UTF_8);
            return ctx.service().load(target);
        }, lab -> {
            ctx.prefs().setLastDirectory(target.toAbsolutePath().getParent());
            dispose();
            ctx.frame().showLab(target, lab, provision);
        }, err -> {
            updateButtons();
            JOptionPane.showMessageDialog(this, Messages.format("wizard.saveFailed", target, err.getMessage()),
                    Messages.get("wizard.title"), JOptionPane.ERROR_MESSAGE);
        }).execute();
    }

    /** For tests: the step on screen, whether validation is in flight, the problems shown. */
    public WizardStep currentStep() {
        return current;
    }

    public boolean isValidating() {
        return validating;
    }

    public List<Problem> problems() {
        return problems;
    }
}
