package dev.overlaylab.app.wizard;

import com.formdev.flatlaf.FlatClientProperties;
import dev.overlaylab.app.ui.Messages;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JTextField;
import net.miginfocom.swing.MigLayout;

/**
 * Step 4, optional: Kubernetes on top of the overlay (the lab file's {@code kubernetes:} section). Off by default,
 * so a lab without it is exactly the flannel lab; ticked, its fields are validated with the rest of the lab on every
 * edit (the service network against the flannel, host-only and NAT networks) and problems show here.
 */
final class KubernetesStep extends StepPanel {
    private final JCheckBox enabled = new JCheckBox(Messages.get("wizard.k8s.enabled"));
    private final JComboBox<String> version = new JComboBox<>(WizardDraft.KUBERNETES_VERSIONS.toArray(String[]::new));
    private final JTextField serviceCidr = new JTextField(16);
    private final JCheckBox masterWorkloads = new JCheckBox(Messages.get("wizard.k8s.masterWorkloads"));
    private final JLabel versionLabel = new JLabel(Messages.get("wizard.k8s.version"));
    private final JLabel cidrLabel = new JLabel(Messages.get("wizard.k8s.serviceCidr"));
    private final JLabel cidrWhy = new JLabel("<html>" + Messages.get("wizard.k8s.serviceCidr.explain") + "</html>");

    KubernetesStep() {
        super(WizardStep.KUBERNETES);
        enabled.setName("wizard.k8s.enabled");
        version.setName("wizard.k8s.version");
        serviceCidr.setName("wizard.k8s.serviceCidr");
        masterWorkloads.setName("wizard.k8s.masterWorkloads");
        JLabel why = new JLabel("<html>" + Messages.get("wizard.k8s.explain") + "</html>");
        for (JLabel l : new JLabel[] {why, cidrWhy}) {
            l.putClientProperty(FlatClientProperties.STYLE, "foreground: $Label.disabledForeground");
        }
        body.setLayout(new MigLayout("insets 0, wrap 2, hidemode 3",
                // columns
                "[right]12[grow, fill]",
                // rows
                "[][]16[][][][]"));
        body.add(enabled, "span 2, alignx left");
        body.add(why, "span 2, alignx left, gapleft 26, wmin 0, wmax 620");
        body.add(versionLabel);
        body.add(version, "wmax 140");
        body.add(cidrLabel);
        body.add(serviceCidr, "wmax 200");
        body.add(new JLabel(""));
        body.add(cidrWhy, "wmin 0, wmax 520");
        body.add(new JLabel(""));
        body.add(masterWorkloads);
        field("kubernetes", enabled);
        field("kubernetes.version", version, Messages.get("wizard.k8s.version"));
        field("kubernetes.serviceCidr", serviceCidr, Messages.get("wizard.k8s.serviceCidr"));
        field("kubernetes.masterSchedulable", masterWorkloads);

        enabled.addActionListener(e -> {
            showFields(enabled.isSelected());
            changed();
        });
        version.addActionListener(e -> changed());
        serviceCidr.getDocument().addDocumentListener(changes());
        masterWorkloads.addActionListener(e -> changed());
    }

    private void showFields(boolean on) {
        for (javax.swing.JComponent c : new javax.swing.JComponent[] {versionLabel, version, cidrLabel, serviceCidr, cidrWhy, masterWorkloads}) {
            c.setEnabled(on);
        }
    }

    @Override
    void configure(WizardDraft d) {
        enabled.setSelected(d.kubernetes);
        version.setSelectedItem(d.kubernetesVersion);
        serviceCidr.setText(d.serviceCidr);
        masterWorkloads.setSelected(d.masterRunsWorkloads);
        showFields(d.kubernetes);
    }

    @Override
    void modifyDraft(WizardDraft d) {
        d.kubernetes = enabled.isSelected();
        Object v = version.getSelectedItem();
        d.kubernetesVersion = v == null ? "" : v.toString();
        d.serviceCidr = serviceCidr.getText().trim();
        d.masterRunsWorkloads = masterWorkloads.isSelected();
    }
}
