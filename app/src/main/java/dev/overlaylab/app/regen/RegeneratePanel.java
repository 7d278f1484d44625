package dev.overlaylab.app.regen;

import dev.overlaylab.app.AppContext;
import dev.overlaylab.app.engine.FileDiff;
import dev.overlaylab.app.engine.NodeDiff;
import dev.overlaylab.app.engine.Validation;
import dev.overlaylab.app.ui.Banner;
import dev.overlaylab.app.ui.Icons;
import dev.overlaylab.app.ui.Messages;
import dev.overlaylab.app.ui.Worker;
import dev.overlaylab.app.wizard.BackendChoice;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Problem;
import dev.overlaylab.progress.ProgressListener;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSpinner;
import javax.swing.JSplitPane;
import javax.swing.SpinnerNumberModel;
import net.miginfocom.swing.MigLayout;

/**
 * Regenerate unit files: edit the lab (backend, MTU), see per-node diffs of rendered vs live files,
 * then push and restart only what changed, in stage order. The lab file is updated on push so it
 * always describes what the nodes run.
 */
public final class RegeneratePanel extends JPanel {
    private record Entry(String node, FileDiff file) {
        @Override
        public String toString() {
            return node + "  " + file.path();
        }
    }

    private final AppContext ctx;
    private final Path file;
    private Lab original;
    private java.util.function.Consumer<Lab> onPushed = lab -> { };
    private final JComboBox<BackendChoice> backend = new JComboBox<>(BackendChoice.values());
    private final JCheckBox mtuFromFlannel = new JCheckBox(Messages.get("regen.mtu.fromFlannel"));
    private final JSpinner mtu = new JSpinner(new SpinnerNumberModel(1450, 576, 9000, 10));
    private final JButton showDiff = new JButton(Messages.get("regen.showDiff"), Icons.get("diff"));
    private final JButton push = new JButton(Messages.get("regen.push"), Icons.get("push"));
    private final Banner banner = new Banner();
    private final DefaultListModel<Entry> files = new DefaultListModel<>();
    private final JList<Entry> fileList = new JList<>(files);
    private final DiffView diff = new DiffView();
    private final JLabel order = new JLabel(" ");
    private volatile Lab edited;
    private volatile String editedYaml;

    public RegeneratePanel(AppContext ctx, Path file, Lab lab) {
        super(new MigLayout("insets 12, fill, wrap 1, hidemode 3",
                // columns
                "[grow, fill]",
                // rows: (banner docked north) form, heading, files and diff, restart order + push
                "[]8[][grow, fill][]"));
        this.ctx = ctx;
        this.file = file;
        this.original = lab;
        setName("regeneratePanel");
        backend.setName("regen.backend");
        backend.setSelectedItem(LabEdits.choiceOf(lab));
        backend.setRenderer(new javax.swing.DefaultListCellRenderer() {
            @Override
            public java.awt.Component getListCellRendererComponent(JList<?> l, Object v, int i, boolean s, boolean f) {
                return super.getListCellRendererComponent(l, Messages.get(((BackendChoice) v).key()), i, s, f);
            }
        });
        mtuFromFlannel.setName("regen.mtuFromFlannel");
        mtuFromFlannel.setSelected(lab.docker().mtu().isEmpty());
        mtu.setValue(lab.docker().mtu().orElse(LabEdits.choiceOf(lab).flannelMtu()));
        mtu.setEditor(new JSpinner.NumberEditor(mtu, "#"));
        mtu.setEnabled(!mtuFromFlannel.isSelected());
        // "From flannel" shows what flannel gives docker0 with the chosen backend.
        mtuFromFlannel.addActionListener(e -> {
            mtu.setEnabled(!mtuFromFlannel.isSelected());
            showFlannelMtu();
        });
        backend.addActionListener(e -> showFlannelMtu());
        showDiff.setName("regen.showDiff");
        push.setName("regen.push");
        push.setEnabled(false);
        showDiff.addActionListener(e -> computeDiff());
        push.addActionListener(e -> pushChanges());
        fileList.setName("regen.files");
        fileList.addListSelectionListener(e -> {
            Entry sel = fileList.getSelectedValue();
            diff.show(sel == null ? "" : sel.file().unified());
        });

        add(banner, "dock north, gapbottom 8");
        JPanel form = new JPanel(new MigLayout("insets 0",
                // columns
                "[right][240!]20[][80!]20[]",
                // rows
                "[]"));
        form.add(new JLabel(Messages.get("regen.backend")));
        form.add(backend, "growx");
        form.add(mtuFromFlannel);
        form.add(mtu, "growx");
        form.add(showDiff);
        add(form);
        add(new JLabel(Messages.get("regen.diffHeading")));
        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, new JScrollPane(fileList), new JScrollPane(diff));
        split.setResizeWeight(0.3);
        split.setBorder(null);
        add(split, "push, grow");
        add(order, "split 2, growx");
        add(push);
    }

    private void showFlannelMtu() {
        if (mtuFromFlannel.isSelected()) {
            mtu.setValue(((BackendChoice) backend.getSelectedItem()).flannelMtu());
        }
    }

    /** True when the backend or MTU chosen here differs from the lab and has not been pushed. */
    public boolean hasUnpushedEdits() {
        OptionalInt chosenMtu = mtuFromFlannel.isSelected() ? OptionalInt.empty() : OptionalInt.of((Integer) mtu.getValue());
        return backend.getSelectedItem() != LabEdits.choiceOf(original) || !chosenMtu.equals(original.docker().mtu());
    }

    /** The lab as edited here, written back to YAML and validated by the engine (off the event thread), then diffed. */
    /** Told the lab as pushed (and saved), so the rest of the lab window shows it. */
    public void setOnPushed(java.util.function.Consumer<Lab> listener) {
        onPushed = listener;
    }

    private void computeDiff() {
        computeDiff(true);
    }

    private void computeDiff(boolean clearBanner) {
        Lab changed = LabEdits.withDockerMtu(LabEdits.withBackend(original, (BackendChoice) backend.getSelectedItem()),
                mtuFromFlannel.isSelected() ? OptionalInt.empty() : OptionalInt.of((Integer) mtu.getValue()));
        showDiff.setEnabled(false);
        push.setEnabled(false);
        if (clearBanner) {
            banner.clear();
        }
        Worker.<List<NodeDiff>>of(() -> {
            editedYaml = LabEdits.editedText(Files.readString(file, StandardCharsets.UTF_8), original, changed);
            Validation v = ctx.service().validate(editedYaml, Optional.of(file));
            if (!v.valid()) {
                throw new InvalidEdit(v.problems());
            }
            edited = v.lab().orElseThrow();
            return ctx.service().diff(edited);
        }, this::showDiffs, this::failed).execute();
    }

    private void showDiffs(List<NodeDiff> diffs) {
        showDiff.setEnabled(true);
        files.clear();
        diffs.forEach(d -> d.files().forEach(f -> files.addElement(new Entry(d.node(), f))));
        List<String> restarts = RestartOrder.of(diffs);
        if (files.isEmpty()) {
            diff.show("");
            order.setText(Messages.get("regen.noChanges"));
            push.setEnabled(false);
        } else {
            fileList.setSelectedIndex(0);
            order.setText(Messages.format("regen.order", String.join(" → ", restarts)));
            push.setEnabled(true);
        }
    }

    private void pushChanges() {
        Lab target = edited;
        String yaml = editedYaml;
        push.setEnabled(false);
        Worker.<dev.overlaylab.app.engine.RunSummary>of(() -> {
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
            return ctx.service().push(target, ProgressListener.NONE);
        }, r -> {
            banner.show(r.ok() ? Banner.Kind.INFO : Banner.Kind.ERROR,
                    Messages.format(r.ok() ? "regen.pushed" : "regen.pushFailed", r.summary()));
            original = target;
            onPushed.accept(target);
            computeDiff(false);
        }, this::failed).execute();
    }

    private void failed(Throwable e) {
        showDiff.setEnabled(true);
        if (e instanceof InvalidEdit ie) {
            banner.show(Banner.Kind.ERROR, Messages.format("regen.invalid", ie.getMessage()));
        } else {
            banner.show(Banner.Kind.ERROR, Messages.format("regen.error", dev.overlaylab.app.engine.UserMessages.error(e)));
        }
    }

    /** The edited lab does not validate; carries the problems for the banner. */
    private static final class InvalidEdit extends Exception {
        InvalidEdit(List<Problem> problems) {
            super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        }
    }
}
