package dev.overlaylab.app.wizard;

import com.formdev.flatlaf.FlatClientProperties;
import dev.overlaylab.app.AppContext;
import dev.overlaylab.app.engine.ProviderChoice;
import dev.overlaylab.app.ui.Dialogs;
import dev.overlaylab.app.ui.Messages;
import dev.overlaylab.app.ui.Worker;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Problem;
import java.awt.CardLayout;
import java.awt.Dimension;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSeparator;
import javax.swing.Timer;
import javax.swing.WindowConstants;
import net.miginfocom.swing.MigLayout;

/**
 * The new-lab wizard: provider → nodes → flannel → Kubernetes (optional) → review → provision. Every
 * edit re-validates the whole lab file off the event thread (debounced); problems appear on the step that owns the field,
 * and Next stays disabled while the current or an earlier step has one. Next pressed while a
 * validation is in flight goes on once it is done (if the lab still allows it).
 *
 * <p>Nothing is lost or built by accident: an existing lab file is replaced only when the person
 * says so, Cancel and Esc ask before discarding edits, and provisioning is opt-in and confirmed.
 */
public final class NewLabWizard extends JDialog {
    private final AppContext ctx;
    private final WizardDraft draft = new WizardDraft();
    private final Map<WizardStep, StepPanel> pages = new EnumMap<>(WizardStep.class);
    private final Map<WizardStep, JLabel> crumbs = new EnumMap<>(WizardStep.class);
    private final CardLayout cards = new CardLayout();
    private final JPanel deck = new JPanel(cards);
    private final JButton back = new JButton();
    private final JButton next = new JButton();
    private final JButton cancel = new JButton();
    private final Timer debounce = new Timer(200, e -> validateNow());
    private final ProviderStep providerStep;
    private final NodesStep nodesStep;
    private String profilesFor;
    private final ReviewStep reviewStep = new ReviewStep();
    private final FlannelStep flannelStep = new FlannelStep();
    private final FinishStep finishStep;
    private final List<ProviderChoice> providers;
    private WizardStep current = WizardStep.PROVIDER;
    private List<Problem> problems = List.of();
    private Optional<Lab> validLab = Optional.empty();
    private int generation;
    private boolean validating;
    /** Next was pressed while validating: go on when the validation of the latest edit is in. */
    private boolean advanceWhenValidated;
    /** The lab file text as the wizard opened: anything else is an edit that Cancel asks about. */
    private final String untouched;
    /** The file the wizard proposed; while the save field still holds it, it follows the lab name. */
    private Optional<Path> proposedFile = Optional.empty();

    /** {@code providers} were asked off the event thread (a provider may run a command to know). */
    public NewLabWizard(AppContext ctx, List<ProviderChoice> providers) {
        super(ctx.frame(), Messages.get("wizard.title"), ModalityType.APPLICATION_MODAL);
        this.ctx = ctx;
        setName("wizard");
        providerStep = new ProviderStep(providers, ctx.service());
        nodesStep = new NodesStep(ctx.service());
        finishStep = new FinishStep();
        this.providers = List.copyOf(providers);
        pages.put(WizardStep.PROVIDER, providerStep);
        pages.put(WizardStep.NODES, nodesStep);
        pages.put(WizardStep.FLANNEL, flannelStep);
        pages.put(WizardStep.KUBERNETES, new KubernetesStep());
        pages.put(WizardStep.REVIEW, reviewStep);
        pages.put(WizardStep.PROVISION, finishStep);
        // Not the name of a lab file that is already in the folder the wizard saves to.
        draft.name = WizardQuestions.freeName(labFolder(), draft.name);

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
            p.show(draft);
            p.setOnChange(this::edited);
            deck.add(p, s.name());
        });
        finishStep.onProvisionToggled(this::updateButtons);

        back.setName("wizard.back");
        next.setName("wizard.next");
        cancel.setName("wizard.cancel");
        Dialogs.label(back, Messages.get("wizard.back"));
        Dialogs.label(cancel, Messages.get("wizard.cancel"));
        back.addActionListener(e -> back());
        next.addActionListener(e -> nextOrFinish());
        cancel.addActionListener(e -> cancelRequested());
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
        // One width for every label a button can have, so that no button moves between steps.
        String w = "w " + widestLabel() + "!";
        content.add(back, "span 3, split 4, gapleft push, " + w + ", gaptop 10, gapbottom 12");
        content.add(next, w);
        content.add(cancel, w + ", gapleft 16, gapright 20");
        setContentPane(content);
        setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                cancelRequested();
            }
        });
        Dialogs.escapeCloses(this, this::cancelRequested);
        Dialogs.defaultButton(this, next);
        // Its usual size, but never larger than the screen (1024 × 700 shows all of it).
        java.awt.Rectangle screen = Dialogs.usableScreen(ctx.frame());
        setMinimumSize(new Dimension(Math.min(900, screen.width), Math.min(620, screen.height)));
        setSize(Math.min(1120, screen.width), Math.min(720, screen.height));
        setLocationRelativeTo(ctx.frame());
        Dialogs.fitOnScreen(this, ctx.frame(), 1.0);
        showStep(WizardStep.PROVIDER);
        edited();
        untouched = LabYamlWriter.write(draft);
    }

    /** The widest of the labels Back, Next and Cancel can show, in pixels. */
    private int widestLabel() {
        int widest = 0;
        for (String key : new String[] {"wizard.next", "wizard.finish", "wizard.finish.provision"}) {
            Dialogs.label(next, Messages.get(key));
            widest = Math.max(widest, next.getPreferredSize().width);
        }
        widest = Math.max(widest, Math.max(back.getPreferredSize().width, cancel.getPreferredSize().width));
        Dialogs.label(next, Messages.get("wizard.next"));
        return widest;
    }

    /** Any field changed: copy fields into the draft now, validate shortly (after typing pauses). */
    private void edited() {
        pages.values().forEach(p -> p.modifyDraft(draft));
        if (!draft.provider.equals(profilesFor)) {
            profilesFor = draft.provider;
            nodesStep.setProfiles(ctx.service().profiles(draft.provider), draft);
            nodesStep.providerChanged(draft);
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
        boolean noName = draft.name.isBlank();
        Worker.<ReviewData>of(() -> ReviewData.compute(ctx.service(), yaml), data -> {
            if (gen == generation) {
                validated(data, noName);
            }
        }, err -> {
            if (gen == generation) {
                validating = false;
                advanceWhenValidated = false;
                problems = List.of(Problem.at("(lab)", String.valueOf(err.getMessage())));
                showProblems();
            }
        }).execute();
    }

    private void validated(ReviewData data, boolean noName) {
        validating = false;
        problems = data.validation().problems();
        if (noName) {
            // The engine explains which characters a name may have; an empty field needs only this.
            List<Problem> ps = new ArrayList<>(List.of(Problem.at("name", Messages.get("wizard.name.empty"))));
            problems.stream().filter(p -> !p.path().equals("name")).forEach(ps::add);
            problems = ps;
        }
        validLab = data.validation().lab();
        reviewStep.show(data);
        showProblems();
        if (advanceWhenValidated) {
            advanceWhenValidated = false;
            advance();
        }
    }

    private void showProblems() {
        Map<WizardStep, List<Problem>> byStep = ProblemRouter.byStep(problems);
        pages.forEach((s, p) -> p.showProblems(byStep.get(s)));
        updateButtons();
    }

    /** May the wizard leave the current step forward, as far as the last validation knows? */
    private boolean mayAdvance() {
        boolean ok = ProblemRouter.canLeave(current, problems);
        if (current == WizardStep.PROVIDER) {
            ok = ok && providerStep.anySelected();
        }
        if (current.isLast()) {
            ok = ok && validLab.isPresent() && draft.savedAs.isPresent();
        }
        return ok;
    }

    private void updateButtons() {
        back.setEnabled(current.ordinal() > 0);
        if (current.isLast()) {
            Dialogs.label(next, Messages.get(finishStep.provisionNow() ? "wizard.finish.provision" : "wizard.finish"));
        } else {
            Dialogs.label(next, Messages.get("wizard.next"));
        }
        // Not disabled while a validation runs (it would flicker with every key typed): Next then
        // waits for the result before going on.
        next.setEnabled(mayAdvance());
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

    private void back() {
        pages.get(current).commitEdits();
        advanceWhenValidated = false;
        go(-1);
    }

    private void showStep(WizardStep s) {
        current = s;
        if (s == WizardStep.PROVISION) {
            // Propose <last folder>/<lab name>.yaml until the person types a file of their own.
            if (draft.savedAs.isEmpty() || draft.savedAs.equals(proposedFile)) {
                proposedFile = Optional.of(defaultFile());
                draft.savedAs = proposedFile;
                finishStep.show(draft);
            }
            finishStep.showSummary(draft);
            finishStep.allowProvisioning(providers.stream().filter(p -> p.id().equals(draft.provider)).findFirst()
                    .flatMap(ProviderChoice::unavailableReason));
        }
        cards.show(deck, s.name());
        updateButtons();
    }

    private Path labFolder() {
        return ctx.prefs().lastDirectory().orElse(Path.of(System.getProperty("user.home"), "overlay-labs"));
    }

    private Path defaultFile() {
        return labFolder().resolve((draft.name.isBlank() ? "lab" : draft.name) + ".yaml");
    }

    private void nextOrFinish() {
        // A table cell still being typed in counts: commit it (an edit, which starts a validation).
        pages.get(current).commitEdits();
        if (validating) {
            advanceWhenValidated = true;
            return;
        }
        advance();
    }

    private void advance() {
        if (!mayAdvance()) {
            return;
        }
        if (!current.isLast()) {
            go(1);
            return;
        }
        finish();
    }

    /** The last step's button: asks what must be asked, then saves (and provisions, if ticked). */
    private void finish() {
        Path target = draft.savedAs.orElseThrow();
        if (Files.exists(target)) {
            String answer = WizardQuestions.overwrite(this, target);
            if ("rename".equals(answer)) {
                chooseAnotherName(target);
            }
            if (!"replace".equals(answer)) {
                return;
            }
        }
        boolean provision = finishStep.provisionNow();
        if (provision) {
            String answer = WizardQuestions.confirmProvision(this, validLab.orElseThrow());
            if ("cancel".equals(answer)) {
                return;
            }
            provision = "provision".equals(answer);
        }
        if (!ctx.frame().mayCloseOpenLab(this, draft.name)) {
            return;
        }
        save(target, provision);
    }

    /** "Choose another name": asks for one (a free one proposed); the lab and its file take it. */
    private void chooseAnotherName(Path taken) {
        Path dir = taken.toAbsolutePath().getParent();
        String stem = taken.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        Optional<String> name = Dialogs.askText(this, "wizard.rename", Messages.get("wizard.rename.title"),
                Messages.format("wizard.rename.prompt", dir), WizardQuestions.freeName(dir, stem));
        name.ifPresentOrElse(n -> {
            draft.name = n;
            draft.savedAs = Optional.of(dir.resolve(n + ".yaml"));
            proposedFile = draft.savedAs;
            providerStep.show(draft);
            finishStep.show(draft);
            edited();
            finishStep.showSummary(draft);
        }, finishStep::focusSaveAs);
    }

    private void save(Path target, boolean provision) {
        String yaml = LabYamlWriter.write(draft);
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
            WizardQuestions.saveFailed(this, target, err);
        }).execute();
    }

    /** Cancel, Esc or the close box: closes, asking first when the person has changed anything. */
    private void cancelRequested() {
        pages.get(current).commitEdits();
        pages.values().forEach(p -> p.modifyDraft(draft));
        boolean edited = !LabYamlWriter.write(draft).equals(untouched)
                || (draft.savedAs.isPresent() && !draft.savedAs.equals(proposedFile));
        if (edited) {
            String answer = WizardQuestions.discard(this, draft.name);
            if (!"discard".equals(answer)) {
                return;
            }
        }
        debounce.stop();
        dispose();
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
