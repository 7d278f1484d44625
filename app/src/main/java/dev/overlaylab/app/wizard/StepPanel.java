package dev.overlaylab.app.wizard;

import com.formdev.flatlaf.FlatClientProperties;
import dev.overlaylab.app.ui.Banner;
import dev.overlaylab.app.ui.Messages;
import dev.overlaylab.model.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import net.miginfocom.swing.MigLayout;

/**
 * One wizard page. Model ↔ view copying happens in two named one-way methods: {@link #configure}
 * (draft → fields, run through {@link #show} so that filling the fields is never reported as an
 * edit) and {@link #modifyDraft} (fields → draft, which only reads the fields: it changes none of
 * them and so fires no event). A value still being typed in an editor becomes the field's value in
 * {@link #commitEdits}, which only the wizard's own navigation calls — never an edit notification,
 * or committing would re-enter the editor. Validation problems this step owns are shown in its
 * problem strip and outline the field they name.
 */
abstract class StepPanel extends JPanel {
    private final Banner problems = new Banner();
    private final Map<String, JComponent> fields = new LinkedHashMap<>();
    private final Map<String, String> labels = new LinkedHashMap<>();
    protected final JPanel body = new JPanel();
    private Runnable onChange = () -> { };
    private boolean quiet;

    StepPanel(WizardStep step) {
        super(new MigLayout("insets 0, fill, wrap 1, hidemode 3",
                // columns: may shrink below the preferred width so long texts wrap instead of being cut
                "[0:600:, grow, fill]",
                // rows
                "[]4[]12[grow, fill][]"));
        setName("wizard.page." + step.name().toLowerCase(java.util.Locale.ROOT));
        JLabel title = new JLabel(Messages.get(step.key()));
        title.putClientProperty(FlatClientProperties.STYLE_CLASS, "h2");
        JLabel intro = new JLabel(Messages.get(step.key() + ".intro"));
        intro.putClientProperty(FlatClientProperties.STYLE, "foreground: $Label.disabledForeground");
        problems.setName(getName() + ".problems");
        add(title);
        add(intro);
        add(body, "wmin 0");
        add(problems, "wmin 0");
    }

    /** Draft → fields. Only through {@link #show}: nothing it does is reported as an edit. */
    abstract void configure(WizardDraft draft);

    /** Fields → draft. Reads the fields and nothing else: no field changes, no event fires. */
    abstract void modifyDraft(WizardDraft draft);

    /** Fills the fields from the draft without reporting an edit. */
    final void show(WizardDraft draft) {
        quietly(() -> configure(draft));
    }

    /** Makes a value still being typed in an editor (a table cell) the field's value; reported as an edit. */
    void commitEdits() {
    }

    void setOnChange(Runnable r) {
        onChange = r;
    }

    /** Reports an edit by the person to the wizard, unless the fields are being filled by the program. */
    protected final void changed() {
        if (!quiet) {
            onChange.run();
        }
    }

    /** True while the program fills fields ({@link #quietly}); listeners that copy between fields skip then. */
    protected final boolean quiet() {
        return quiet;
    }

    /** Runs field updates made by the program, not the person: they are not reported as edits. */
    protected final void quietly(Runnable r) {
        boolean was = quiet;
        quiet = true;
        try {
            r.run();
        } finally {
            quiet = was;
        }
    }

    /** Registers the field that shows the value at a path prefix, e.g. {@code flannel.network}. */
    protected void field(String pathPrefix, JComponent c) {
        fields.put(pathPrefix, c);
    }

    /** Registers a field and the label it has on screen, which problems about exactly that path show instead of the path. */
    protected void field(String pathPrefix, JComponent c, String label) {
        fields.put(pathPrefix, c);
        labels.put(pathPrefix, label);
    }

    void showProblems(List<Problem> list) {
        fields.values().forEach(c -> c.putClientProperty(FlatClientProperties.OUTLINE, null));
        for (Problem p : list) {
            fieldFor(p.path()).ifPresent(c -> c.putClientProperty(FlatClientProperties.OUTLINE,
                    FlatClientProperties.OUTLINE_ERROR));
        }
        if (list.isEmpty()) {
            problems.clear();
        } else {
            // Line and column point into the generated file, which the person has not seen yet: leave them out.
            problems.show(Banner.Kind.ERROR, list.stream().map(p -> labels.containsKey(p.path())
                    ? labels.get(p.path()) + ": " + dev.overlaylab.app.engine.UserMessages.text(p.message())
                    : dev.overlaylab.app.engine.FieldNames.line(p, false)).collect(Collectors.joining("\n")));
        }
    }

    String problemText() {
        return problems.isVisible() ? problems.message() : "";
    }

    /** The registered field with the longest prefix of {@code path} (so {@code nodes[1].ip} finds {@code nodes}). */
    java.util.Optional<JComponent> fieldFor(String path) {
        String best = null;
        for (String prefix : fields.keySet()) {
            if ((path.equals(prefix) || path.startsWith(prefix + ".") || path.startsWith(prefix + "["))
                    && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        return java.util.Optional.ofNullable(best).map(fields::get);
    }

    /** A DocumentListener that reports every edit. */
    protected javax.swing.event.DocumentListener changes() {
        return changes(this::changed);
    }

    /** A DocumentListener that runs {@code r} on every change of the text. */
    protected static javax.swing.event.DocumentListener changes(Runnable r) {
        return new javax.swing.event.DocumentListener() {
            @Override
            public void insertUpdate(javax.swing.event.DocumentEvent e) {
                r.run();
            }

            @Override
            public void removeUpdate(javax.swing.event.DocumentEvent e) {
                r.run();
            }

            @Override
            public void changedUpdate(javax.swing.event.DocumentEvent e) {
                r.run();
            }
        };
    }
}
