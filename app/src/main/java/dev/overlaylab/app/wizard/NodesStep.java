package dev.overlaylab.app.wizard;

import com.formdev.flatlaf.FlatClientProperties;
import dev.overlaylab.app.ui.Messages;
import dev.overlaylab.app.wizard.WizardDraft.NodeRow;
import java.util.List;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JScrollPane;
import javax.swing.JSpinner;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;
import javax.swing.table.DefaultTableModel;
import net.miginfocom.swing.MigLayout;

/** Step 2: profile, host-only network, node count, names and addresses (prefilled from the network). */
final class NodesStep extends StepPanel {
    static final int MAX_NODES = 9;

    private final JComboBox<String> profile;
    private final JTextField hostCidr = new JTextField(16);
    private final JSpinner count = new JSpinner(new SpinnerNumberModel(2, 1, MAX_NODES, 1));
    private final DefaultTableModel rows = new DefaultTableModel(
            new Object[] {Messages.get("wizard.nodes.name"), Messages.get("wizard.nodes.ip")}, 0);
    private final JTable table = new JTable(rows);
    private final JLabel hostIp = new JLabel();
    private final NodeSshFields ssh;
    private WizardDraft draft;

    NodesStep(dev.overlaylab.app.engine.LabService service) {
        super(WizardStep.NODES);
        ssh = new NodeSshFields(service, this::sshEdited);
        profile = new JComboBox<>();
        profile.setName("wizard.profile");
        profile.setEditable(true);
        hostCidr.setName("wizard.hostCidr");
        count.setName("wizard.nodeCount");
        table.setName("wizard.nodes");
        table.putClientProperty("terminateEditOnFocusLost", Boolean.TRUE);
        table.setSurrendersFocusOnKeystroke(true);
        hostIp.putClientProperty(FlatClientProperties.STYLE, "foreground: $Label.disabledForeground");

        body.setLayout(new MigLayout("insets 0, wrap 3, hidemode 3",
                // columns
                "[right]12[200!]12[grow]",
                // rows: profile, network, count, the table, then the SSH fields of existing machines
                "[][][]12[grow, fill][][][][][]"));
        body.add(new JLabel(Messages.get("wizard.profile")));
        body.add(profile, "growx, wrap");
        body.add(new JLabel(Messages.get("wizard.hostCidr")));
        body.add(hostCidr, "growx");
        body.add(hostIp);
        body.add(new JLabel(Messages.get("wizard.nodeCount")));
        body.add(count, "w 70!, wrap");
        body.add(new JLabel(Messages.get("wizard.nodes")), "aligny top, gaptop 4");
        body.add(new JScrollPane(table), "span 2, grow, hmin 100, wmin 300, wmax 640, wrap");
        ssh.addTo(body);
        field("profile", profile, Messages.get("wizard.profile"));
        field("network", hostCidr, Messages.get("wizard.hostCidr"));
        field("nodes", table, Messages.get("wizard.nodes"));
        field("etcd", table);

        profile.addActionListener(e -> edit());
        hostCidr.getDocument().addDocumentListener(changes(this::cidrEdited));
        count.addChangeListener(e -> countEdited());
        // A committed cell edit is an edit like any other (the wizard then reads the table's model).
        rows.addTableModelListener(e -> edit());
    }

    /** An edit of the profile or a committed cell: reported, then the SSH fields' defaults and node names follow. */
    private void edit() {
        changed();
        if (!quiet() && draft != null) {
            quietly(() -> ssh.load(draft));
        }
    }

    /** An SSH field was edited: reported like any edit (the wizard then copies the fields in {@link #modifyDraft}). */
    private void sshEdited() {
        if (!quiet() && draft != null) {
            changed();
        }
    }

    /** SSH fields only for existing machines: the lab file takes {@code nodes[].ssh} for {@code hosts} alone. */
    void providerChanged(WizardDraft d) {
        ssh.setVisible("hosts".equals(d.provider));
        if (draft != null) {
            quietly(() -> ssh.load(draft));
        }
    }

    /** The profiles the chosen provider can use; keeps the current choice when it is still offered. */
    void setProfiles(List<String> names, WizardDraft d) {
        quietly(() -> {
            Object keep = profile.getSelectedItem();
            profile.removeAllItems();
            names.forEach(profile::addItem);
            if (keep != null && names.contains(keep.toString())) {
                profile.setSelectedItem(keep);
            } else if (!names.isEmpty()) {
                profile.setSelectedIndex(0);
            }
        });
        Object sel = profile.getSelectedItem();
        d.profile = sel == null ? "" : sel.toString();
    }

    @Override
    void configure(WizardDraft d) {
        draft = d;
        profile.setSelectedItem(d.profile);
        hostCidr.setText(d.hostCidr);
        count.setValue(d.nodes.size());
        fillTable(d.nodes);
        hostIp.setText(Messages.format("wizard.hostIp", d.hostIp()));
        ssh.setVisible("hosts".equals(d.provider));
        ssh.load(d);
    }

    /** Reads the committed values only; a cell still being typed in is {@link #commitEdits}' job. */
    @Override
    void modifyDraft(WizardDraft d) {
        Object p = profile.getSelectedItem();
        d.profile = p == null ? "" : p.toString().trim();
        d.hostCidr = hostCidr.getText().trim();
        d.nodes.clear();
        for (int i = 0; i < rows.getRowCount(); i++) {
            d.nodes.add(new NodeRow(str(rows.getValueAt(i, 0)), str(rows.getValueAt(i, 1))));
        }
        d.prefillNodes(d.nodes.size()); // as many SSH settings as rows (the rows themselves are kept)
        ssh.store(d);
    }

    @Override
    void commitEdits() {
        if (table.isEditing() && !table.getCellEditor().stopCellEditing()) {
            table.getCellEditor().cancelCellEditing();
        }
    }

    /** A new host-only network renumbers the nodes (names are kept). */
    private void cidrEdited() {
        if (quiet() || draft == null) {
            return;
        }
        modifyDraft(draft);
        draft.renumberNodes();
        quietly(() -> {
            fillTable(draft.nodes);
            hostIp.setText(Messages.format("wizard.hostIp", draft.hostIp()));
            ssh.load(draft);
        });
        changed();
    }

    /** More or fewer nodes: rows are added or removed at the end; the others keep what they have. */
    private void countEdited() {
        if (quiet() || draft == null) {
            return;
        }
        commitEdits();
        modifyDraft(draft);
        draft.prefillNodes((Integer) count.getValue());
        quietly(() -> {
            fillTable(draft.nodes);
            ssh.load(draft);
        });
        changed();
    }

    private void fillTable(List<NodeRow> nodes) {
        if (table.isEditing()) {
            table.getCellEditor().cancelCellEditing(); // the rows it edits are being replaced
        }
        rows.setRowCount(0);
        for (NodeRow n : nodes) {
            rows.addRow(new Object[] {n.name(), n.ip()});
        }
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString().trim();
    }
}
