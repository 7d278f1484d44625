package dev.overlaylab.app.life;

import com.formdev.flatlaf.FlatClientProperties;
import dev.overlaylab.app.AppContext;
import dev.overlaylab.app.diagnose.ForPeople;
import dev.overlaylab.app.ui.Dialogs;
import dev.overlaylab.app.ui.Messages;
import dev.overlaylab.app.ui.Worker;
import dev.overlaylab.model.Lab;
import java.awt.Component;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JScrollPane;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;
import net.miginfocom.swing.MigLayout;

/**
 * The lab's snapshots (one name across every VM, as {@code olab snapshot} keeps them): take one,
 * restore one. Restoring needs the lab halted, and says so on the disabled button.
 */
final class SnapshotsDialog extends JDialog {
    private final AppContext ctx;
    private final Lab lab;
    private final boolean halted;
    private final Runnable changed;
    private final DefaultListModel<String> names = new DefaultListModel<>();
    private final JList<String> list = new JList<>(names);
    private final JLabel status = new JLabel(" ");
    private final JButton take = new JButton();
    private final JButton restore = new JButton();
    private final JButton close = new JButton();
    private boolean busy;

    SnapshotsDialog(Component owner, AppContext ctx, Lab lab, boolean halted, Runnable changed) {
        super(SwingUtilities.getWindowAncestor(owner), Messages.format("snapshots.title", lab.name()), ModalityType.APPLICATION_MODAL);
        this.ctx = ctx;
        this.lab = lab;
        this.halted = halted;
        this.changed = changed;
        setName("snapshots");
        JLabel title = new JLabel(Messages.format("snapshots.title", lab.name()));
        title.putClientProperty(FlatClientProperties.STYLE_CLASS, "h3");
        Prose intro = new Prose(Messages.get("snapshots.intro"));
        list.setName("snapshots.list");
        list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        list.addListSelectionListener(e -> enableButtons());
        status.setName("snapshots.status");
        take.setName("snapshots.take");
        restore.setName("snapshots.restore");
        close.setName("snapshots.close");
        Dialogs.label(take, Messages.get("snapshots.take"));
        Dialogs.label(restore, Messages.get("snapshots.restore"));
        Dialogs.label(close, Messages.get("down.close"));
        take.addActionListener(e -> take());
        restore.addActionListener(e -> restore());
        close.addActionListener(e -> closeIfIdle());
        getContentPane().setLayout(new MigLayout("insets 16, fill, wrap 1",
                // columns
                "[grow, fill]",
                // rows: title, intro, list, status, buttons
                "[]8[]8[grow, fill]6[]12[]"));
        add(title);
        add(intro, "wmin 10, growx");
        add(new JScrollPane(list), "hmin 120");
        add(status);
        add(take, "split 3, sg b");
        add(restore, "sg b");
        add(close, "sg b, gapleft push");
        Dialogs.defaultButton(this, close);
        Dialogs.escapeCloses(this, this::closeIfIdle);
        setDefaultCloseOperation(DO_NOTHING_ON_CLOSE);
        addWindowListener(new java.awt.event.WindowAdapter() {
            @Override
            public void windowClosing(java.awt.event.WindowEvent e) {
                closeIfIdle();
            }
        });
        setSize(600, 440);
        setLocationRelativeTo(owner);
        Dialogs.fitOnScreen(this, owner, 0.8);
        load(null);
    }

    /** Reads the snapshots; {@code outcome} (what was just done) then replaces the status line. */
    private void load(String outcome) {
        busy = true;
        enableButtons();
        status.setText(Messages.get("snapshots.loading"));
        Worker.<Map<String, List<String>>>of(() -> ctx.service().snapshots(lab), m -> show(m, outcome), this::failed).execute();
    }

    /** One line per name; a name some VMs lack says which have it. */
    static List<String> lines(Map<String, List<String>> byNode) {
        Set<String> all = new LinkedHashSet<>();
        byNode.values().forEach(all::addAll);
        List<String> out = new ArrayList<>();
        for (String name : all) {
            List<String> having = byNode.entrySet().stream().filter(e -> e.getValue().contains(name)).map(Map.Entry::getKey).toList();
            out.add(having.size() == byNode.size() ? name : name + "  " + Messages.format("snapshots.partial", String.join(", ", having)));
        }
        return out;
    }

    private void show(Map<String, List<String>> byNode, String outcome) {
        busy = false;
        names.clear();
        lines(byNode).forEach(names::addElement);
        status.setText(outcome != null ? outcome : names.isEmpty() ? Messages.get("snapshots.none") : " ");
        enableButtons();
    }

    private void failed(Throwable e) {
        busy = false;
        status.setText(Messages.format("life.failed", ForPeople.error(e)));
        enableButtons();
    }

    private void take() {
        Dialogs.askText(this, "snapshots.name", Messages.get("snapshots.name.title"), Messages.get("snapshots.name.prompt"),
                "after-provision").ifPresent(name -> work(Messages.format("snapshots.saving", name),
                        Messages.format("snapshots.saved", name), p -> ctx.service().saveSnapshot(lab, name, p)));
    }

    private void restore() {
        String line = list.getSelectedValue();
        if (line == null) {
            return;
        }
        String name = line.split("  ", 2)[0];
        work(Messages.format("snapshots.restoring", name), Messages.format("snapshots.restored", name),
                p -> ctx.service().restoreSnapshot(lab, name, p));
    }

    private void work(String doing, String done, Job job) {
        busy = true;
        enableButtons();
        status.setText(doing);
        Job.start(job, () -> {
            changed.run();
            load(done);
        }, this::failed);
    }

    private void enableButtons() {
        take.setEnabled(!busy);
        String selected = list.getSelectedValue();
        // a name only some machines have cannot be restored on all of them: the engine would refuse it
        boolean whole = selected != null && !selected.contains("  ");
        restore.setEnabled(!busy && halted && whole);
        restore.setToolTipText(!halted ? Messages.get("snapshots.restore.needsHalt")
                : selected != null && !whole ? Messages.get("snapshots.restore.partial") : null);
        close.setEnabled(!busy);
    }

    private void closeIfIdle() {
        if (!busy) {
            dispose();
        }
    }
}
