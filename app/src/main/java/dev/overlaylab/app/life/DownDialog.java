package dev.overlaylab.app.life;

import com.formdev.flatlaf.FlatClientProperties;
import dev.overlaylab.app.AppContext;
import dev.overlaylab.app.diagnose.ForPeople;
import dev.overlaylab.app.ui.Dialogs;
import dev.overlaylab.app.ui.Messages;
import dev.overlaylab.app.ui.Worker;
import dev.overlaylab.model.Lab;
import dev.overlaylab.progress.ProgressEvent;
import dev.overlaylab.provider.Removal;
import java.awt.Component;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JProgressBar;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import net.miginfocom.swing.MigLayout;

/**
 * Down in four steps in one window: the preview (what the provider's down removes now, from the
 * same plan its down acts on), the person's confirmation, progress, and the result. Cancel is the
 * default; Esc closes it until the removal starts, and it cannot be closed while removing.
 */
final class DownDialog extends JDialog {
    private final AppContext ctx;
    private final Lab lab;
    private final Prose intro = new Prose("");
    private final JTextArea list = new JTextArea();
    private final JProgressBar bar = new JProgressBar();
    private final JButton confirm = new JButton();
    private final JButton cancel = new JButton();
    private List<Removal> preview = List.of();
    private boolean removing;
    private boolean done;

    DownDialog(Component owner, AppContext ctx, Lab lab) {
        super(SwingUtilities.getWindowAncestor(owner), Messages.format("down.title", lab.name()), ModalityType.APPLICATION_MODAL);
        this.ctx = ctx;
        this.lab = lab;
        setName("down");
        JLabel title = new JLabel(Messages.format("down.title", lab.name()));
        title.putClientProperty(FlatClientProperties.STYLE_CLASS, "h3");
        intro.setName("down.intro");
        list.setName("down.list");
        list.setEditable(false);
        list.putClientProperty(FlatClientProperties.STYLE_CLASS, "monospaced");
        bar.setName("down.progress");
        bar.setVisible(false);
        confirm.setName("down.confirm");
        cancel.setName("down.cancel");
        Dialogs.label(cancel, Messages.get("down.cancel"));
        confirm.setVisible(false);
        confirm.addActionListener(e -> remove());
        cancel.addActionListener(e -> close());
        JScrollPane scroll = new JScrollPane(list);
        getContentPane().setLayout(new MigLayout("insets 16, fill, wrap 1",
                // columns
                "[grow, fill]",
                // rows: title, intro, the list, progress, buttons
                "[]8[]8[grow, fill]8[]12[]"));
        add(title);
        add(intro, "wmin 10, growx");
        add(scroll, "wmin 300, hmin 120");
        add(bar);
        add(confirm, "split 2, tag ok");
        add(cancel, "tag cancel");
        Dialogs.defaultButton(this, cancel);
        Dialogs.escapeCloses(this, this::close);
        setDefaultCloseOperation(DO_NOTHING_ON_CLOSE);
        addWindowListener(new java.awt.event.WindowAdapter() {
            @Override
            public void windowClosing(java.awt.event.WindowEvent e) {
                close();
            }
        });
        setSize(720, 480);
        setLocationRelativeTo(owner);
        Dialogs.fitOnScreen(this, owner, 0.8);
        loadPreview();
    }

    private void loadPreview() {
        intro.setText(Messages.get("down.loading"));
        list.setText("");
        bar.setIndeterminate(true);
        bar.setVisible(true);
        Worker.<List<Removal>>of(() -> ctx.service().downPreview(lab), this::showPreview, e -> {
            bar.setVisible(false);
            intro.setText((Messages.format("down.previewFailed", ForPeople.error(e))));
        }).execute();
    }

    private void showPreview(List<Removal> removals) {
        preview = List.copyOf(removals);
        bar.setVisible(false);
        if (preview.isEmpty()) {
            intro.setText((Messages.format("down.nothing", lab.name())));
            list.setText("");
            return;
        }
        intro.setText((Messages.format("down.intro", lab.name(), preview.size())));
        list.setText(grouped(preview));
        list.setCaretPosition(0);
        Dialogs.label(confirm, Messages.format("down.confirm", preview.size()));
        confirm.setVisible(true);
        confirm.putClientProperty(FlatClientProperties.STYLE, "foreground: $OverlayLab.failed");
        revalidate();
    }

    /** Node by node, the lab's own things on this computer first. */
    static String grouped(List<Removal> removals) {
        Map<String, List<String>> byNode = new LinkedHashMap<>();
        byNode.put("", new ArrayList<>());
        removals.forEach(r -> byNode.computeIfAbsent(r.node(), k -> new ArrayList<>()).add(r.what()));
        StringBuilder b = new StringBuilder();
        byNode.forEach((node, items) -> {
            if (items.isEmpty()) {
                return;
            }
            b.append(node.isEmpty() ? Messages.get("down.lab") : node).append('\n');
            items.forEach(i -> b.append("  \u2022 ").append(i).append('\n'));
        });
        return b.toString().stripTrailing();
    }

    private void remove() {
        removing = true;
        confirm.setEnabled(false);
        cancel.setEnabled(false);
        intro.setText(Messages.get("down.running"));
        bar.setIndeterminate(true);
        bar.setVisible(true);
        list.append("\n");
        Worker.<Void>of(() -> {
            ctx.service().down(lab, e -> {
                if (e.status() != ProgressEvent.Status.STARTED && !e.message().isBlank()) {
                    SwingUtilities.invokeLater(() -> list.append("\n" + (e.node().isEmpty() ? "" : e.node() + ": ") + e.message()));
                }
            });
            return null;
        }, ok -> finished(Messages.format("down.done", lab.name()), true),
                e -> finished(Messages.format("down.failed", ForPeople.error(e)), false)).execute();
    }

    private void finished(String text, boolean ok) {
        removing = false;
        done = true;
        bar.setIndeterminate(false);
        bar.setValue(ok ? 100 : 0);
        bar.setVisible(false);
        intro.setText((text));
        intro.colour(ok ? "passed" : "failed");
        confirm.setVisible(false);
        Dialogs.label(cancel, Messages.get("down.close"));
        cancel.setEnabled(true);
        getRootPane().setDefaultButton(cancel);
        cancel.requestFocusInWindow();
    }

    private void close() {
        if (!removing) {
            dispose();
        }
    }

    String introText() {
        return intro.getText();
    }

    boolean isDone() {
        return done;
    }
}
