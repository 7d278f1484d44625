package dev.overlaylab.app.progress;

import dev.overlaylab.app.ui.Messages;
import dev.overlaylab.progress.ProgressEvent;
import java.awt.Font;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.UIManager;
import net.miginfocom.swing.MigLayout;

/** The live log under the grid, filtered by node. */
final class LogPane extends JPanel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final String ALL = "";

    private record Line(String node, String text) {
    }

    private final List<Line> lines = new ArrayList<>();
    private final JComboBox<String> filter = new JComboBox<>();
    private final JTextArea text = new JTextArea();

    LogPane(List<String> nodes) {
        super(new MigLayout("insets 6 0 0 0, fill, wrap 1",
                // columns
                "[grow, fill]",
                // rows
                "[][grow, fill]"));
        filter.setName("provision.logFilter");
        filter.addItem(ALL);
        nodes.forEach(filter::addItem);
        filter.setRenderer(new javax.swing.DefaultListCellRenderer() {
            @Override
            public java.awt.Component getListCellRendererComponent(javax.swing.JList<?> l, Object v, int i, boolean s, boolean f) {
                return super.getListCellRendererComponent(l, ALL.equals(v) ? Messages.get("provision.log.allNodes") : v, i, s, f);
            }
        });
        filter.addActionListener(e -> refilter());
        text.setName("provision.log");
        text.setEditable(false);
        dev.overlaylab.app.ui.Fonts.monospaced(text);
        add(new JLabel(Messages.get("provision.log")), "split 3");
        add(new JLabel(Messages.get("provision.log.filter")), "gapleft push");
        add(filter, "wmin 160");
        add(new JScrollPane(text));
    }

    void add(ProgressEvent e) {
        String node = e.node() == null ? "" : e.node();
        String who = node.isEmpty() ? Messages.get("provision.row.lab") : node;
        String line = String.format(Locale.ROOT, "%s  %-8s %-14s %-9s %s%s", LocalTime.now().format(TIME), who,
                e.stage(), e.status().name().toLowerCase(Locale.ROOT), e.step(),
                e.message() == null || e.message().isBlank() ? "" : " — " + e.message());
        push(new Line(node, line));
    }

    /** A line that belongs to every node (start, cancel, done). */
    void append(String message) {
        push(new Line(ALL, LocalTime.now().format(TIME) + "  " + message));
    }

    private void push(Line l) {
        lines.add(l);
        if (matches(l)) {
            text.append(l.text() + "\n");
            text.setCaretPosition(text.getDocument().getLength());
        }
    }

    private boolean matches(Line l) {
        Object sel = filter.getSelectedItem();
        return sel == null || ALL.equals(sel) || l.node().isEmpty() || l.node().equals(sel);
    }

    private void refilter() {
        StringBuilder b = new StringBuilder();
        lines.stream().filter(this::matches).forEach(l -> b.append(l.text()).append('\n'));
        text.setText(b.toString());
    }
}
