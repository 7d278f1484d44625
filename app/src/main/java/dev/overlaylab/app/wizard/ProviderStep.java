package dev.overlaylab.app.wizard;

import com.formdev.flatlaf.FlatClientProperties;
import dev.overlaylab.app.engine.LabService;
import dev.overlaylab.app.engine.ProviderChoice;
import dev.overlaylab.app.ui.Messages;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.swing.ButtonGroup;
import javax.swing.JLabel;
import javax.swing.JRadioButton;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import net.miginfocom.swing.MigLayout;

/**
 * Step 1: lab name and provider. A provider that cannot run on this machine can still be chosen (a
 * VirtualBox lab written on a laptop without VirtualBox); it says why under its name, and the last
 * step then writes the file without provisioning.
 */
final class ProviderStep extends StepPanel {
    private final JTextField name = new JTextField(24);
    private final Map<String, JRadioButton> radios = new LinkedHashMap<>();
    private final java.util.Set<String> usable = new java.util.HashSet<>();
    private final BaseImagePanel baseImage;
    private final RemoteServerPanel server;

    ProviderStep(List<ProviderChoice> providers, LabService service) {
        super(WizardStep.PROVIDER);
        baseImage = new BaseImagePanel(service);
        server = new RemoteServerPanel(service, changes());
        body.setLayout(new MigLayout("insets 0, wrap 2",
                // columns
                "[right]12[grow, fill]",
                // rows
                "[]16[]"));
        name.setName("wizard.name");
        name.getDocument().addDocumentListener(changes());
        body.add(new JLabel(Messages.get("wizard.name")));
        body.add(name, "wmax 360");
        field("name", name, Messages.get("wizard.name"));

        body.add(new JLabel(Messages.get("wizard.provider")), "aligny top, gaptop 2");
        ButtonGroup group = new ButtonGroup();
        javax.swing.JPanel list = new javax.swing.JPanel(new MigLayout("insets 0, wrap 1, gapy 2",
                // columns
                "[grow]",
                // rows
                ""));
        for (ProviderChoice p : providers) {
            JRadioButton r = new JRadioButton(Messages.get("provider." + p.id()));
            r.setName("wizard.provider." + p.id());
            if (p.usable()) {
                usable.add(p.id());
            }
            r.addActionListener(e -> changed());
            r.addActionListener(e -> showServerFields());
            group.add(r);
            radios.put(p.id(), r);
            list.add(r);
            JLabel why = new JLabel("<html>" + p.unavailableReason()
                    // the cause only: the CLI's reason goes on with paths and commands that are no help here
                    .map(reason -> Messages.format("wizard.provider.unavailable", firstSentence(reason)))
                    .orElse(Messages.get("provider." + p.id() + ".desc")
                            // what needs root and how the app gets it (pkexec/sudo), said here, not at the end
                            + service.rootNote(p.id()).map(n -> "\n" + n).orElse("")).replace("&", "&amp;").replace("<", "&lt;")
                    .replace("\n", "<br>") + "</html>");
            why.setName("wizard.provider." + p.id() + ".reason");
            why.putClientProperty(FlatClientProperties.STYLE, "foreground: $Label.disabledForeground");
            list.add(why, "gapleft 26, gapbottom 8, wmin 0, wmax 620");
            if ("virtualbox".equals(p.id())) {
                list.add(baseImage, "gapleft 26, gapbottom 8, growx, wmin 0, wmax 620");
            }
            if ("virtualbox-ws".equals(p.id())) {
                list.add(server, "gapleft 26, gapbottom 8, growx, wmin 0, wmax 620");
            }
        }
        body.add(list);
        field("provider", list);
    }

    @Override
    void configure(WizardDraft d) {
        name.setText(d.name);
        JRadioButton r = radios.get(d.provider);
        if (r == null || !usable.contains(d.provider)) {
            // Preselect the first provider that runs here, so Next works without a click when one exists.
            r = radios.entrySet().stream().filter(e -> usable.contains(e.getKey())).map(Map.Entry::getValue)
                    .findFirst().orElse(r);
        }
        if (r != null) {
            r.setSelected(true);
        }
        server.url.setText(d.serverUrl);
        server.user.setText(d.serverUser);
        showServerFields();
    }

    @Override
    void modifyDraft(WizardDraft d) {
        d.name = name.getText().trim();
        radios.forEach((id, r) -> {
            if (r.isSelected()) {
                d.provider = id;
            }
        });
        d.serverUrl = server.url.getText().trim();
        d.serverUser = server.user.getText().trim();
        // after every page has copied its fields: the nodes step sets the profile
        SwingUtilities.invokeLater(() -> baseImage.check(d.provider, d.profile));
    }

    /** URL, user and Test connection only under "VirtualBox on another machine" when it is chosen. */
    private void showServerFields() {
        JRadioButton ws = radios.get("virtualbox-ws");
        server.setVisible(ws != null && ws.isSelected());
    }

    /** "VirtualBox is not installed here: no VBoxManage program was found." of a multi-line reason. */
    static String firstSentence(String reason) {
        String line = reason.strip().split("\n", 2)[0].strip();
        return line.endsWith(".") ? line : line + ".";
    }

    boolean anySelected() {
        return radios.values().stream().anyMatch(JRadioButton::isSelected);
    }
}
