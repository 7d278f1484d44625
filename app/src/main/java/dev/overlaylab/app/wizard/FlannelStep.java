package dev.overlaylab.app.wizard;

import com.formdev.flatlaf.FlatClientProperties;
import dev.overlaylab.app.ui.Messages;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalInt;
import javax.swing.ButtonGroup;
import javax.swing.JCheckBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JRadioButton;
import javax.swing.JSpinner;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;
import net.miginfocom.swing.MigLayout;

/**
 * Step 3: the flannel network and backend. Each backend has a one-line explanation from the seeds;
 * only the options that backend reads are shown (VNI/Port for vxlan, Port for udp, none for host-gw).
 */
final class FlannelStep extends StepPanel {
    private final JTextField network = new JTextField(16);
    private final JSpinner subnetLen = new JSpinner(new SpinnerNumberModel(24, 8, 30, 1));
    private final Map<BackendChoice, JRadioButton> backends = new EnumMap<>(BackendChoice.class);
    private final JLabel vniLabel = new JLabel(Messages.get("wizard.vni"));
    private final JSpinner vni = new JSpinner(new SpinnerNumberModel(1, 1, 16777215, 1));
    private final JLabel portLabel = new JLabel(Messages.get("wizard.port"));
    private final JSpinner port = new JSpinner(new SpinnerNumberModel(8472, 1, 65535, 1));
    private final JLabel hostGwNote = new JLabel(Messages.get("wizard.hostgw.note"));
    private final JCheckBox ipMasq = new JCheckBox(Messages.get("wizard.ipMasq"));
    private final JCheckBox mtuFromFlannel = new JCheckBox(Messages.get("wizard.mtu.fromFlannel"));
    private final JSpinner mtu = new JSpinner(new SpinnerNumberModel(1450, 576, 9000, 10));
    private final JTextField binary = new JTextField(30);

    FlannelStep() {
        super(WizardStep.FLANNEL);
        network.setName("wizard.flannelNetwork");
        subnetLen.setName("wizard.subnetLen");
        vni.setName("wizard.vni");
        port.setName("wizard.port");
        ipMasq.setName("wizard.ipMasq");
        mtuFromFlannel.setName("wizard.mtuFromFlannel");
        mtu.setName("wizard.mtu");
        hostGwNote.putClientProperty(FlatClientProperties.STYLE, "foreground: $Label.disabledForeground");

        body.setLayout(new MigLayout("insets 0, wrap 2",
                // columns
                "[right]12[grow, fill]",
                // rows
                "[][]16[top][]16[][][]"));
        body.add(new JLabel(Messages.get("wizard.flannelNetwork")));
        body.add(network, "wmax 200");
        body.add(new JLabel(Messages.get("wizard.subnetLen")));
        body.add(subnetLen, "w 70!, growx 0");
        field("flannel.network", network, Messages.get("wizard.flannelNetwork"));
        field("flannel.subnetLen", subnetLen, Messages.get("wizard.subnetLen"));
        field("flannel.subnetMin", network);
        field("flannel.subnetMax", network);

        body.add(new JLabel(Messages.get("wizard.backend")), "gaptop 2");
        JPanel choices = new JPanel(new MigLayout("insets 0, wrap 1, gapy 0",
                // columns
                "[grow]",
                // rows
                ""));
        ButtonGroup group = new ButtonGroup();
        mtu.setEditor(new JSpinner.NumberEditor(mtu, "#"));
        for (BackendChoice c : BackendChoice.values()) {
            JRadioButton r = new JRadioButton(Messages.get(c.key()));
            r.setName("wizard.backend." + c.name().toLowerCase(java.util.Locale.ROOT));
            r.addActionListener(e -> backendChanged());
            group.add(r);
            backends.put(c, r);
            JLabel why = new JLabel("<html>" + Messages.get(c.key() + ".explain") + "</html>");
            why.putClientProperty(FlatClientProperties.STYLE, "foreground: $Label.disabledForeground");
            choices.add(r);
            choices.add(why, "gapleft 26, gapbottom 6, wmin 0, wmax 620");
        }
        body.add(choices, "wmin 0");
        field("flannel.backend", choices);

        body.add(new JLabel(Messages.get("wizard.options")));
        JPanel options = new JPanel(new MigLayout("insets 0, hidemode 3",
                // columns: label, field, label, field, note (each placed by its own constraint)
                "",
                // rows
                "[]"));
        for (JSpinner s : new JSpinner[] {vni, port}) {
            s.setEditor(new JSpinner.NumberEditor(s, "#"));
        }
        options.add(vniLabel);
        options.add(vni, "w 100!");
        options.add(portLabel, "gapleft 16");
        options.add(port, "w 100!");
        options.add(hostGwNote);
        body.add(options);
        field("flannel.backend.VNI", vni);
        field("flannel.backend.Port", port);

        body.add(new JLabel(""));
        body.add(ipMasq);
        body.add(new JLabel(Messages.get("wizard.dockerMtu")));
        JPanel mtuRow = new JPanel(new MigLayout("insets 0",
                // columns
                "[]12[90!]",
                // rows
                "[]"));
        mtuRow.add(mtuFromFlannel);
        mtuRow.add(mtu);
        body.add(mtuRow);
        field("flannel.ipMasq", ipMasq);
        field("docker", mtu);
        binary.setName("wizard.flannelBinary");
        binary.putClientProperty(FlatClientProperties.PLACEHOLDER_TEXT, Messages.get("wizard.flannelBinary.placeholder"));
        body.add(new JLabel(Messages.get("wizard.flannelBinary")));
        body.add(binary, "wmax 520");
        field("flannel.binary", binary);
        field("flannel.version", binary);
        binary.getDocument().addDocumentListener(changes());

        network.getDocument().addDocumentListener(changes());
        subnetLen.addChangeListener(e -> changed());
        vni.addChangeListener(e -> changed());
        port.addChangeListener(e -> changed());
        ipMasq.addActionListener(e -> changed());
        mtuFromFlannel.addActionListener(e -> {
            mtu.setEnabled(!mtuFromFlannel.isSelected());
            if (mtuFromFlannel.isSelected()) {
                quietly(() -> mtu.setValue(selected().flannelMtu()));
            }
            changed();
        });
        mtu.addChangeListener(e -> changed());
    }

    private BackendChoice selected() {
        return backends.entrySet().stream().filter(e -> e.getValue().isSelected()).map(Map.Entry::getKey)
                .findFirst().orElse(BackendChoice.VXLAN);
    }

    private void backendChanged() {
        BackendChoice c = selected();
        quietly(() -> {
            port.setValue(c.hasPort() ? c.defaultPort() : 8472);
            if (mtuFromFlannel.isSelected()) {
                mtu.setValue(c.flannelMtu()); // what docker0 will get, shown greyed
            }
        });
        showOptionsFor(c);
        changed();
    }

    private void showOptionsFor(BackendChoice c) {
        vniLabel.setVisible(c.hasVni());
        vni.setVisible(c.hasVni());
        portLabel.setVisible(c.hasPort());
        port.setVisible(c.hasPort());
        hostGwNote.setVisible(!c.hasPort());
        body.revalidate();
    }

    /**
     * A local lab on this machine is usually offline: offer the flanneld that the local-lab recipe
     * caches (docs/local-provider.md), when it is there.
     */
    void providerChanged(WizardDraft d) {
        if (binary.getText().isBlank() && "local".equals(d.provider) && java.nio.file.Files.isRegularFile(CACHED_FLANNELD)) {
            quietly(() -> binary.setText(CACHED_FLANNELD.toString()));
            d.flannelBinaryFile = java.util.Optional.of(CACHED_FLANNELD.toString());
        }
    }

    static final java.nio.file.Path CACHED_FLANNELD = java.nio.file.Path.of("/var/cache/overlay-lab/flannel/flanneld-v0.28.9");

    @Override
    void configure(WizardDraft d) {
        binary.setText(d.flannelBinaryFile.orElse(""));
        network.setText(d.flannelNetwork);
        subnetLen.setValue(d.subnetLen);
        backends.get(d.backend).setSelected(true);
        vni.setValue(d.vni);
        port.setValue(d.backend.hasPort() ? d.port : 8472);
        ipMasq.setSelected(d.ipMasq);
        mtuFromFlannel.setSelected(d.dockerMtu.isEmpty());
        mtu.setValue(d.dockerMtu.orElse(d.backend.flannelMtu()));
        mtu.setEnabled(d.dockerMtu.isPresent());
        showOptionsFor(d.backend);
    }

    @Override
    void modifyDraft(WizardDraft d) {
        d.flannelNetwork = network.getText().trim();
        d.subnetLen = (Integer) subnetLen.getValue();
        d.setBackend(selected());
        d.vni = (Integer) vni.getValue();
        if (d.backend.hasPort()) {
            d.port = (Integer) port.getValue();
        }
        d.ipMasq = ipMasq.isSelected();
        d.dockerMtu = mtuFromFlannel.isSelected() ? OptionalInt.empty() : OptionalInt.of((Integer) mtu.getValue());
        String b = binary.getText().trim();
        d.flannelBinaryFile = b.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(b);
    }
}
