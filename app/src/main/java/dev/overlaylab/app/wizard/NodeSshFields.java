package dev.overlaylab.app.wizard;

import com.formdev.flatlaf.FlatClientProperties;
import dev.overlaylab.app.engine.LabService;
import dev.overlaylab.app.engine.SshCheckWords;
import dev.overlaylab.app.ui.Dialogs;
import dev.overlaylab.app.ui.Messages;
import dev.overlaylab.app.ui.Worker;
import dev.overlaylab.app.wizard.WizardDraft.NodeSsh;
import dev.overlaylab.model.SshEndpoint;
import java.awt.Component;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.swing.DefaultComboBoxModel;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSpinner;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;

/**
 * The nodes step's SSH fields for existing machines ({@code hosts}): for the node chosen in "SSH to
 * node", its address, port, user, key and sudo, and Test connection. One node at a time, so the step
 * still fits 1024×700; the values of every node live in {@link WizardDraft#ssh}. Listeners here only
 * report the edit ({@code onEdit}); the draft is written in {@link #store}, which reads the fields and
 * changes none (the nodes step's rule, which keeps table commits out of field listeners).
 */
final class NodeSshFields {
    private final LabService service;
    private final Runnable onEdit;
    final JComboBox<String> node = new JComboBox<>();
    final JTextField host = new JTextField(16);
    final JSpinner port = new JSpinner(new SpinnerNumberModel(22, 1, 65535, 1));
    final JTextField user = new JTextField(12);
    final JTextField key = new JTextField(10);
    private final JButton browse = new JButton();
    final JCheckBox sudo = new JCheckBox();
    private final JButton test = new JButton();
    private final JTextArea result = new JTextArea(2, 40);
    private final List<JComponent> all = new ArrayList<>();
    /** The node whose values the fields show. */
    private int shown;
    /** The shown node's sudo as the person set it; null: the lab file's default for the user. */
    private Boolean sudoChoice;
    /** True while this class fills its own fields (switching node): not an edit. */
    private boolean filling;
    private WizardDraft draft;

    NodeSshFields(LabService service, Runnable onEdit) {
        this.service = service;
        this.onEdit = onEdit;
        node.setName("wizard.ssh.node");
        host.setName("wizard.ssh.host");
        port.setName("wizard.ssh.port");
        port.setEditor(new JSpinner.NumberEditor(port, "#"));
        user.setName("wizard.ssh.user");
        key.setName("wizard.ssh.key");
        key.putClientProperty(FlatClientProperties.PLACEHOLDER_TEXT, Messages.format("wizard.ssh.key.placeholder"));
        browse.setName("wizard.ssh.browse");
        Dialogs.label(browse, Messages.get("wizard.ssh.browse"));
        sudo.setName("wizard.ssh.sudo");
        Dialogs.label(sudo, Messages.get("wizard.ssh.sudo"));
        sudo.setToolTipText(Messages.format("wizard.ssh.sudo.tip"));
        test.setName("wizard.ssh.test");
        Dialogs.label(test, Messages.get("wizard.ssh.test"));
        result.setName("wizard.ssh.result");
        result.setEditable(false);
        result.setFocusable(false);
        result.setLineWrap(true);
        result.setWrapStyleWord(true);
        result.setOpaque(false);
        result.setBorder(null);
        result.setFont(new JLabel().getFont());

        node.addActionListener(e -> nodeChosen());
        host.getDocument().addDocumentListener(StepPanel.changes(this::edited));
        user.getDocument().addDocumentListener(StepPanel.changes(this::userEdited));
        key.getDocument().addDocumentListener(StepPanel.changes(this::edited));
        port.addChangeListener(e -> edited());
        sudo.addActionListener(e -> {
            sudoChoice = sudo.isSelected();
            edited();
        });
        browse.addActionListener(e -> chooseKey());
        test.addActionListener(e -> test());
    }

    /** Adds the rows to the nodes step's grid: labels in its first column, fields in the second and third. */
    void addTo(JPanel body) {
        add(body, label("wizard.ssh.node", node), "gaptop 10");
        add(body, node, "growx, gaptop 10, wrap");
        add(body, label("wizard.ssh.host", host), "");
        add(body, host, "growx");
        add(body, label("wizard.ssh.port", port), "split 2");
        add(body, port, "w 80!, wrap");
        add(body, label("wizard.ssh.user", user), "");
        add(body, user, "growx");
        add(body, sudo, "wrap");
        add(body, label("wizard.ssh.key", key), "");
        add(body, key, "span 2, split 2, growx, wmin 120, wmax 520");
        add(body, browse, "wrap");
        add(body, test, "skip 1, split 2, span 2, aligny top");
        add(body, result, "growx, wmin 0, wmax 520, wrap");
    }

    private void add(JPanel body, JComponent c, String constraints) {
        body.add(c, constraints);
        all.add(c);
    }

    private static JLabel label(String key, Component target) {
        JLabel l = new JLabel();
        Dialogs.label(l, Messages.get(key), target);
        return l;
    }

    /** Only existing machines take SSH settings (the lab file refuses them for other providers). */
    void setVisible(boolean visible) {
        all.forEach(c -> c.setVisible(visible));
    }

    /** Draft → fields: the node names, the chosen node's values and the defaults shown as placeholders. */
    void load(WizardDraft d) {
        draft = d;
        filling = true;
        try {
            List<String> names = d.nodes.stream().map(n -> n.name().isBlank() ? "?" : n.name()).toList();
            node.setModel(new DefaultComboBoxModel<>(names.toArray(String[]::new)));
            shown = Math.max(0, Math.min(shown, names.size() - 1));
            if (!names.isEmpty()) {
                node.setSelectedIndex(shown);
            }
            fill(d);
        } finally {
            filling = false;
        }
    }

    private void fill(WizardDraft d) {
        NodeSsh s = shown < d.ssh.size() ? d.ssh.get(shown) : NodeSsh.DEFAULT;
        setText(host, s.host());
        setText(user, s.user());
        setText(key, s.key());
        port.setValue(s.port());
        sudoChoice = s.sudo();
        placeholders(d);
    }

    /** Fields → draft (the shown node only; the others are already there). Reads, changes no field. */
    void store(WizardDraft d) {
        if (shown < d.ssh.size()) {
            d.ssh.set(shown, new NodeSsh(host.getText().trim(), (Integer) port.getValue(), user.getText().trim(),
                    key.getText().trim(), sudoChoice));
        }
    }

    /** The defaults follow the node's address, the profile and the typed user (none of which is an edit here). */
    private void placeholders(WizardDraft d) {
        String ip = shown < d.nodes.size() ? d.nodes.get(shown).ip() : "";
        // the default itself, greyed (a sentence would be cut off in the field); the tooltip says what it is
        host.putClientProperty(FlatClientProperties.PLACEHOLDER_TEXT, ip);
        host.setToolTipText(Messages.format("wizard.ssh.host.tip", ip));
        user.putClientProperty(FlatClientProperties.PLACEHOLDER_TEXT, d.profileUser());
        user.setToolTipText(Messages.format("wizard.ssh.user.tip", d.profileUser()));
        String u = user.getText().isBlank() ? d.profileUser() : user.getText().trim();
        boolean was = filling;
        filling = true;
        try {
            sudo.setSelected(sudoChoice == null ? !"root".equals(u) : sudoChoice);
        } finally {
            filling = was;
        }
    }

    private static void setText(JTextField f, String s) {
        if (!f.getText().equals(s)) {
            f.setText(s);
        }
    }

    private void nodeChosen() {
        if (filling || draft == null || node.getSelectedIndex() < 0) {
            return;
        }
        // The fields already went into the draft as they were typed; now show the other node's.
        shown = node.getSelectedIndex();
        filling = true;
        try {
            fill(draft);
        } finally {
            filling = false;
        }
        result.setText("");
    }

    private void userEdited() {
        if (!filling && draft != null) {
            placeholders(draft); // the default sudo follows the user (off for root) until the person sets it
        }
        edited();
    }

    private void edited() {
        if (!filling) {
            onEdit.run();
        }
    }

    private void chooseKey() {
        JFileChooser chooser = new JFileChooser();
        chooser.setDialogTitle(Messages.get("wizard.ssh.browse.title"));
        chooser.setFileHidingEnabled(false);
        Path typed = dev.overlaylab.ssh.SshConnector.expandHome(key.getText().trim());
        File start = key.getText().isBlank() ? new File(System.getProperty("user.home"), ".ssh") : typed.toFile();
        if (start.isDirectory()) {
            chooser.setCurrentDirectory(start);
        } else {
            chooser.setSelectedFile(start);
        }
        if (chooser.showOpenDialog(javax.swing.SwingUtilities.getWindowAncestor(key)) == JFileChooser.APPROVE_OPTION) {
            key.setText(chooser.getSelectedFile().getAbsolutePath()); // an edit: the listener reports it
        }
    }

    /** Logs in to the shown node off the event thread (at most ~10 s) and says what happened. */
    private void test() {
        if (draft == null || shown >= draft.nodes.size()) {
            return;
        }
        store(draft);
        SshEndpoint e = draft.endpoint(shown);
        String nodeName = draft.nodes.get(shown).name();
        String lab = draft.name;
        int testing = shown;
        test.setEnabled(false);
        result.putClientProperty(FlatClientProperties.STYLE, null);
        result.setText(Messages.format("wizard.ssh.testing", e.user() + "@" + e.host() + ":" + e.port()));
        Worker.of(() -> service.testSsh(lab, nodeName, e), r -> {
            test.setEnabled(true);
            if (testing == shown) {
                say(SshCheckWords.success(r), SshCheckWords.enough(r));
            }
        }, err -> {
            test.setEnabled(true);
            if (testing == shown) {
                say(SshCheckWords.failure(err, e.host(), e.port(), e.user(), e.keyFile()), false);
            }
        }).execute();
    }

    private void say(String text, boolean good) {
        result.putClientProperty(FlatClientProperties.STYLE, good ? "foreground: $OverlayLab.passed" : "foreground: $OverlayLab.failed");
        result.setText(text);
    }

    String resultText() {
        return result.getText();
    }
}
