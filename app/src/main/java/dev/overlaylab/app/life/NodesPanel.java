package dev.overlaylab.app.life;

import com.formdev.flatlaf.FlatClientProperties;
import dev.overlaylab.app.AppContext;
import dev.overlaylab.app.diagnose.ForPeople;
import dev.overlaylab.app.ui.Banner;
import dev.overlaylab.app.ui.Dialogs;
import dev.overlaylab.app.ui.Icons;
import dev.overlaylab.app.ui.Messages;
import dev.overlaylab.app.ui.Worker;
import dev.overlaylab.compose.LabStatus;
import dev.overlaylab.compose.NodeLogs;
import dev.overlaylab.exec.Commands;
import dev.overlaylab.exec.ProcessRunner;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.provider.local.HostChecks;
import java.awt.Toolkit;
import java.awt.datatransfer.StringSelection;
import java.util.List;
import java.util.Optional;
import javax.swing.DefaultComboBoxModel;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSpinner;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;
import net.miginfocom.swing.MigLayout;

/**
 * Per node: its services' logs (the last N lines of a unit's journal, read when asked) and a shell
 * on it — in a terminal program found on this computer, or, when there is none, the command to
 * copy, saying so.
 */
public final class NodesPanel extends JPanel {
    static final int DEFAULT_LINES = 200;

    private final AppContext ctx;
    private final TerminalLauncher terminals;
    private final JComboBox<String> node = new JComboBox<>();
    private final DefaultComboBoxModel<String> unitModel = new DefaultComboBoxModel<>();
    private final JComboBox<String> unit = new JComboBox<>(unitModel);
    private final JSpinner lines = new JSpinner(new SpinnerNumberModel(DEFAULT_LINES, 10, NodeLogs.MAX_LINES, 50));
    private final JButton refresh = new JButton(Icons.get("refresh"));
    private final JButton shell = new JButton(Icons.get("terminal"));
    private final JTextArea log = new JTextArea();
    private final Banner banner = new Banner();
    private final JLabel shellText = new JLabel();
    private final JTextField command = new JTextField();
    private final JButton copy = new JButton();
    private Lab lab;
    private boolean reachable;
    private boolean loading;

    public NodesPanel(AppContext ctx, Lab lab) {
        this(ctx, lab, HostChecks::onPath);
    }

    /** @param onPath where a program is found on this computer (tests give their own folder of programs) */
    public NodesPanel(AppContext ctx, Lab lab, java.util.function.Function<String, Optional<java.nio.file.Path>> onPath) {
        super(new MigLayout("insets 12, fill, wrap 1",
                // columns
                "[grow, fill]",
                // rows: choices, banner (when shown), log, shell line, command to copy; the log takes the height
                "[]6"));
        this.ctx = ctx;
        this.lab = lab;
        this.terminals = new TerminalLauncher(new ProcessRunner(), onPath);
        setName("nodes");
        node.setName("nodes.node");
        unit.setName("nodes.unit");
        lines.setName("nodes.lines");
        refresh.setName("nodes.refresh");
        shell.setName("nodes.shell");
        log.setName("nodes.log");
        shellText.setName("nodes.shellText");
        command.setName("nodes.command");
        copy.setName("nodes.copy");
        Dialogs.label(refresh, Messages.get("nodes.refresh"));
        Dialogs.label(shell, Messages.get("nodes.shell"));
        Dialogs.label(copy, Messages.get("nodes.shell.copy"));
        lab.nodes().stream().map(Node::name).forEach(node::addItem);
        log.setEditable(false);
        log.putClientProperty(FlatClientProperties.STYLE_CLASS, "monospaced");
        command.setEditable(false);
        command.putClientProperty(FlatClientProperties.STYLE_CLASS, "monospaced");

        JLabel nodeLabel = new JLabel(Messages.get("nodes.node"));
        nodeLabel.setLabelFor(node);
        nodeLabel.setDisplayedMnemonic('N');
        JLabel unitLabel = label("nodes.service", unit);
        JLabel linesLabel = label("nodes.lines", lines);
        add(nodeLabel, "split 8");
        add(node, "wmin 120");
        add(unitLabel, "gapleft 16");
        add(unit, "wmin 140");
        add(linesLabel, "gapleft 16");
        add(lines, "wmin 80");
        add(refresh, "gapleft 16");
        add(shell, "gapleft push");
        add(banner, "hidemode 3");
        add(new JScrollPane(log), "push, grow");
        add(shellText, "hidemode 3");
        add(command, "split 2, hidemode 3");
        add(copy, "growx 0, hidemode 3");
        shellText.setVisible(false);
        command.setVisible(false);
        copy.setVisible(false);

        node.addActionListener(e -> loadUnits());
        refresh.addActionListener(e -> loadLog());
        shell.addActionListener(e -> openShell());
        copy.addActionListener(e -> {
            Toolkit.getDefaultToolkit().getSystemClipboard().setContents(new StringSelection(command.getText()), null);
            copy.setText(Messages.get("nodes.shell.copied"));
        });
        setReachable(false, Messages.get("nodes.notUp"));
    }

    private static JLabel label(String key, java.awt.Component target) {
        String text = Messages.get(key);
        JLabel l = new JLabel(text.replace("&", ""));
        int at = text.indexOf('&');
        if (at >= 0 && at + 1 < text.length()) {
            l.setDisplayedMnemonic(text.charAt(at + 1));
        }
        l.setLabelFor(target);
        return l;
    }

    public void setLab(Lab changed) {
        lab = changed;
    }

    void onState(StateReader.Reading r) {
        onState(r.status());
    }

    /** The lab's state (empty: not known): logs and shells need nodes that can be reached. */
    public void onState(Optional<LabStatus> status) {
        Optional<LabStatus.State> s = status.map(LabStatus::state);
        boolean can = s.map(x -> x == LabStatus.State.UP || x == LabStatus.State.BROKEN).orElse(false);
        if (can == reachable) {
            return;
        }
        setReachable(can, Messages.get("nodes.notUp"));
        if (can) {
            loadUnits();
        }
    }

    private void setReachable(boolean can, String why) {
        reachable = can;
        refresh.setEnabled(can && !loading);
        shell.setEnabled(can);
        unit.setEnabled(can);
        if (can) {
            banner.clear();
        } else {
            banner.show(Banner.Kind.INFO, why);
        }
    }

    private String selectedNode() {
        return (String) node.getSelectedItem();
    }

    /** The node's services (its kube* units too), then the first one's log. */
    private void loadUnits() {
        if (!reachable) {
            return;
        }
        String n = selectedNode();
        Worker.<List<String>>of(() -> ctx.service().logUnits(lab, n), units -> {
            Object keep = unit.getSelectedItem();
            unitModel.removeAllElements();
            units.forEach(unitModel::addElement);
            if (keep != null && units.contains(keep)) {
                unit.setSelectedItem(keep);
            }
            loadLog();
        }, e -> banner.show(Banner.Kind.ERROR, Messages.format("nodes.failed", ForPeople.error(e)))).execute();
    }

    /** The last N lines of the chosen service's journal on the chosen node. */
    public void loadLog() {
        String n = selectedNode();
        String u = (String) unit.getSelectedItem();
        if (n == null || u == null || loading) {
            return;
        }
        int count = (Integer) lines.getValue();
        loading = true;
        refresh.setEnabled(false);
        banner.show(Banner.Kind.INFO, Messages.get("nodes.loading"));
        Worker.<String>of(() -> ctx.service().journal(lab, n, u, count), text -> {
            loading = false;
            refresh.setEnabled(reachable);
            banner.clear();
            log.setText(text.isBlank() ? Messages.get("nodes.empty") : text);
            log.setCaretPosition(log.getDocument().getLength());
        }, e -> {
            loading = false;
            refresh.setEnabled(reachable);
            banner.show(Banner.Kind.ERROR, Messages.format("nodes.failed", ForPeople.error(e)));
        }).execute();
    }

    /** A terminal with ssh to the node; without a terminal program, the command to copy. */
    private void openShell() {
        String n = selectedNode();
        Worker.<List<String>>of(() -> ctx.service().shellCommand(lab, n), argv -> {
            String line = Commands.toShellLine(argv);
            Optional<TerminalLauncher.Found> t = terminals.find();
            if (t.isEmpty()) {
                showCommand(Messages.format("nodes.shell.none", n), line);
                return;
            }
            Worker.<String>of(() -> terminals.open(t.get(), argv), name -> {
                shellText.setText(Messages.format("nodes.shell.opened", n, name));
                shellText.setVisible(true);
                command.setVisible(false);
                copy.setVisible(false);
                revalidate();
            }, e -> showCommand(Messages.format("nodes.shell.failed", ForPeople.error(e)), line)).execute();
        }, e -> banner.show(Banner.Kind.ERROR, Messages.format("nodes.failed", ForPeople.error(e)))).execute();
    }

    private void showCommand(String text, String line) {
        shellText.setText(text);
        command.setText(line);
        command.setCaretPosition(0);
        Dialogs.label(copy, Messages.get("nodes.shell.copy"));
        shellText.setVisible(true);
        command.setVisible(true);
        copy.setVisible(true);
        revalidate();
    }

    public String logText() {
        return log.getText();
    }

    public boolean isLoading() {
        return loading;
    }
}
