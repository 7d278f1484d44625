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
 * One wizard page. Model ↔ view copying happens in two named methods, {@link #configure} (draft →
 * fields) and {@link #modifyDraft} (fields → draft); validation problems this step owns are shown in
 * its problem strip and outline the field they name.
 */
abstract class StepPanel extends JPanel {
    private final Banner problems = new Banner();
    private final Map<String, JComponent> fields = new LinkedHashMap<>();
    protected final JPanel body = new JPanel();
    protected Runnable onChange = () -> { };

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

    abstract void configure(WizardDraft draft);

    abstract void modifyDraft(WizardDraft draft);

    void setOnChange(Runnable r) {
        onChange = r;
    }

    /** Registers the field that shows the value at a path prefix, e.g. {@code flannel.network}. */
    protected void field(String pathPrefix, JComponent c) {
        fields.put(pathPrefix, c);
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
            problems.show(Banner.Kind.ERROR, list.stream().map(p -> p.path() + ": " + p.message())
                    .collect(Collectors.joining("\n")));
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
        return new javax.swing.event.DocumentListener() {
            @Override
            public void insertUpdate(javax.swing.event.DocumentEvent e) {
                onChange.run();
            }

            @Override
            public void removeUpdate(javax.swing.event.DocumentEvent e) {
                onChange.run();
            }

            @Override
            public void changedUpdate(javax.swing.event.DocumentEvent e) {
                onChange.run();
            }
        };
    }
}
