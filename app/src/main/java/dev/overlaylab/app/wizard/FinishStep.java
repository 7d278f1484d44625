package dev.overlaylab.app.wizard;

import com.formdev.flatlaf.FlatClientProperties;
import dev.overlaylab.app.ui.Messages;
import java.nio.file.Path;
import java.util.Optional;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JTextField;
import javax.swing.filechooser.FileNameExtensionFilter;
import net.miginfocom.swing.MigLayout;

/** Step 5: where to save the lab file, and whether to provision it right away. */
final class FinishStep extends StepPanel {
    private final JTextField saveAs = new JTextField(40);
    private final JButton browse = new JButton(Messages.get("wizard.browse"));
    private final JCheckBox provisionNow = new JCheckBox(Messages.get("wizard.provisionNow"));
    private final JLabel upNote = new JLabel();
    private final JLabel summary = new JLabel();

    FinishStep() {
        super(WizardStep.PROVISION);
        saveAs.setName("wizard.saveAs");
        browse.setName("wizard.browse");
        provisionNow.setName("wizard.provisionNow");
        upNote.putClientProperty(FlatClientProperties.STYLE, "foreground: $Label.disabledForeground");
        body.setLayout(new MigLayout("insets 0, wrap 3",
                // columns
                "[right]12[grow, fill]8[]",
                // rows
                "[]16[]16[][]"));
        summary.setName("wizard.summary");
        body.add(new JLabel(Messages.get("wizard.summary")), "aligny top");
        body.add(summary, "span 2, wmin 0");
        body.add(new JLabel(Messages.get("wizard.saveAs")));
        body.add(saveAs);
        body.add(browse);
        body.add(new JLabel(""));
        body.add(provisionNow, "span 2");
        body.add(new JLabel(""));
        body.add(upNote, "span 2");
        field("(file)", saveAs, Messages.get("wizard.saveAs"));
        browse.addActionListener(e -> choose());
        saveAs.getDocument().addDocumentListener(changes());
        // Provisioning builds machines (as root, for local labs): never by default, always by a tick.
        provisionNow.setSelected(false);
        upNote.setText(Messages.get("wizard.provisionNow.note"));
    }

    /**
     * Whether this machine can provision the lab: a provider that cannot run here (VirtualBox not
     * installed, the local provider without root) still lets the lab file be written, unticked.
     */
    void allowProvisioning(Optional<String> whyNot) {
        whyNot.ifPresentOrElse(why -> {
            provisionNow.setSelected(false);
            provisionNow.setEnabled(false);
            upNote.setText(Messages.format("wizard.provisionNow.unavailable", why));
        }, () -> {
            provisionNow.setEnabled(true);
            upNote.setText(Messages.get("wizard.provisionNow.note"));
        });
    }

    /** Runs {@code r} whenever the "provision" box is ticked or unticked (the finish button's label follows it). */
    void onProvisionToggled(Runnable r) {
        provisionNow.addItemListener(e -> r.run());
    }

    private void choose() {
        JFileChooser c = new JFileChooser();
        c.setFileFilter(new FileNameExtensionFilter(Messages.get("file.filter.lab"), "yaml", "yml"));
        c.setSelectedFile(Path.of(saveAs.getText().trim()).toFile());
        if (c.showSaveDialog(this) == JFileChooser.APPROVE_OPTION) {
            String p = c.getSelectedFile().getPath();
            saveAs.setText(p.endsWith(".yaml") || p.endsWith(".yml") ? p : p + ".yaml");
        }
    }

    /** What will be built, in one glance, before the person commits to it. */
    void showSummary(WizardDraft d) {
        StringBuilder nodes = new StringBuilder();
        for (WizardDraft.NodeRow n : d.nodes) {
            nodes.append(nodes.length() == 0 ? "" : ", ").append(n.name()).append(' ').append(n.ip());
        }
        summary.setText("<html>" + Messages.format("wizard.summary.text", esc(d.name), esc(d.provider), esc(d.profile),
                d.nodes.size(), esc(nodes.toString()), esc(d.hostCidr), esc(d.flannelNetwork),
                Messages.get(d.backend.key())) + "</html>");
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;");
    }

    @Override
    void configure(WizardDraft d) {
        saveAs.setText(d.savedAs.map(Path::toString).orElse(""));
    }

    @Override
    void modifyDraft(WizardDraft d) {
        String t = saveAs.getText().trim();
        d.savedAs = t.isEmpty() ? Optional.empty() : Optional.of(Path.of(t));
    }

    boolean provisionNow() {
        return provisionNow.isSelected();
    }

    /** Puts the caret in the file field with the file's name selected, so typing replaces it. */
    void focusSaveAs() {
        String t = saveAs.getText();
        int slash = t.lastIndexOf('/') + 1;
        int dot = t.endsWith(".yaml") ? t.length() - 5 : t.length();
        saveAs.requestFocusInWindow();
        saveAs.select(slash, Math.max(slash, dot));
    }
}
