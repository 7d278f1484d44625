package dev.overlaylab.app.life;

import com.formdev.flatlaf.FlatClientProperties;
import dev.overlaylab.app.AppContext;
import dev.overlaylab.app.LabWindow;
import dev.overlaylab.app.diagnose.ForPeople;
import dev.overlaylab.app.engine.ProviderChoice;
import dev.overlaylab.app.ui.Icons;
import dev.overlaylab.app.ui.Messages;
import dev.overlaylab.compose.LabStatus;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.LabFileException;
import java.awt.Component;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.table.AbstractTableModel;
import javax.swing.table.DefaultTableCellRenderer;
import net.miginfocom.swing.MigLayout;

/**
 * The labs a person has (the recent lab files), each with its live state — not created, up,
 * broken, halted — read from the nodes off the event thread ({@link StateReader}), and the jobs
 * a lab list offers: open, provision, verify, diagnose.
 */
public final class LabListPanel extends JPanel {
    /** How often the states are read again while the list is on screen. */
    static final java.time.Duration LIVE_INTERVAL = java.time.Duration.ofSeconds(30);

    /** One lab file and what is known of it so far. */
    static final class Row {
        final Path file;
        Lab lab;
        String cannotRun = "";
        StateReader.Reading reading;

        Row(Path file) {
            this.file = file;
        }
    }

    private final AppContext ctx;
    private final StateReader reader = new StateReader();
    private final List<Row> rows = new ArrayList<>();
    private final Model model = new Model();
    private final JTable table = new JTable(model);
    private final JButton open = button("life.list.open", "open", "open");
    private final JButton provision = button("life.list.provision", "provision", "provision");
    private final JButton verify = button("life.list.verify", "verify", "verify");
    private final JButton diagnose = button("life.list.diagnose", "diagnose", "info");
    private final JButton refresh = button("life.list.refresh", "refresh", "refresh");

    public LabListPanel(AppContext ctx) {
        super(new MigLayout("insets 0, fill, wrap 1",
                // columns
                "[grow, fill]",
                // rows: heading, table, buttons, hint
                "[]6[grow, fill]8[]4[]"));
        this.ctx = ctx;
        setName("labList");
        setOpaque(false);
        JLabel heading = new JLabel(Messages.get("life.list.title"));
        heading.putClientProperty(FlatClientProperties.STYLE_CLASS, "h3");
        add(heading);

        table.setName("labList.table");
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.setRowHeight(Math.max(table.getRowHeight(), 28));
        table.setFillsViewportHeight(true);
        table.setShowHorizontalLines(true);
        table.getTableHeader().setReorderingAllowed(false);
        table.getColumnModel().getColumn(0).setPreferredWidth(220);
        table.getColumnModel().getColumn(1).setPreferredWidth(110);
        table.getColumnModel().getColumn(2).setPreferredWidth(50);
        table.getColumnModel().getColumn(3).setPreferredWidth(130);
        table.getColumnModel().getColumn(0).setCellRenderer(new LabRenderer());
        table.getColumnModel().getColumn(3).setCellRenderer(new StateRenderer());
        table.getSelectionModel().addListSelectionListener(e -> enableButtons());
        table.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2) {
                    selected().ifPresent(r -> ctx.frame().openLab(r.file));
                }
            }
        });
        // Enter opens the selected lab, as in a file manager (Tab leaves the table instead of walking its cells).
        table.getInputMap(JTable.WHEN_ANCESTOR_OF_FOCUSED_COMPONENT).put(javax.swing.KeyStroke.getKeyStroke("ENTER"), "openLab");
        table.getActionMap().put("openLab", new javax.swing.AbstractAction() {
            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                selected().ifPresent(r -> ctx.frame().openLab(r.file));
            }
        });
        table.setFocusTraversalKeys(java.awt.KeyboardFocusManager.FORWARD_TRAVERSAL_KEYS, null);
        table.setFocusTraversalKeys(java.awt.KeyboardFocusManager.BACKWARD_TRAVERSAL_KEYS, null);
        // room for five labs before it scrolls
        table.setPreferredScrollableViewportSize(new java.awt.Dimension(560, 5 * table.getRowHeight()));
        add(new JScrollPane(table), "hmin 100");

        open.addActionListener(e -> selected().ifPresent(r -> ctx.frame().openLab(r.file)));
        provision.addActionListener(e -> then(LabWindow::provision));
        verify.addActionListener(e -> then(w -> {
            w.tabs().setSelectedComponent(w.verify());
            w.verify().runAll();
        }));
        diagnose.addActionListener(e -> then(w -> {
            w.tabs().setSelectedComponent(w.diagnose());
            w.diagnose().diagnoseIfAllowed();
        }));
        refresh.addActionListener(e -> refreshStates());
        // live while the list is on screen: read again every LIVE_INTERVAL, keeping the last state shown meanwhile
        Timer live = new Timer((int) LIVE_INTERVAL.toMillis(), e -> readAll(false));
        addHierarchyListener(e -> {
            if (isShowing()) {
                live.start();
            } else {
                live.stop();
            }
        });
        add(open, "split 5");
        add(provision);
        add(verify);
        add(diagnose);
        add(refresh, "gapleft push");
        Prose hint = new Prose(Messages.get("life.list.hint"));
        hint.colour("muted");
        add(hint, "w 100, growx");   // wraps at the list's width instead of widening it
        enableButtons();
    }

    private static JButton button(String key, String name, String icon) {
        return Buttons.of(key, "labList." + name, icon);
    }

    /** Shows these lab files (newest first) and reads their states again. */
    public void setLabs(List<Path> files) {
        Path keep = selected().map(r -> r.file).orElse(null);
        rows.clear();
        files.forEach(f -> rows.add(new Row(f)));
        model.fireTableDataChanged();
        int at = keep == null ? 0 : Math.max(0, files.indexOf(keep));
        if (!rows.isEmpty()) {
            table.setRowSelectionInterval(at, at);
        }
        refreshStates();
    }

    /** Reads every lab's state again, showing "Checking…" meanwhile (labs still being read are left to finish). */
    public void refreshStates() {
        readAll(true);
    }

    private void readAll(boolean showChecking) {
        for (Row r : rows) {
            if (reader.reading(r.file)) {
                continue;
            }
            if (showChecking) {
                r.reading = null;
            }
            reader.read(r.file, () -> read(r), reading -> {
                r.reading = reading;
                changed(r);
            });
        }
        if (!rows.isEmpty()) {
            model.fireTableRowsUpdated(0, rows.size() - 1);   // keeps the selection (a data change would clear it)
        }
        enableButtons();
    }

    /** Off the event thread: the lab file, whether its provider runs here, then its state. */
    private LabStatus read(Row r) throws Exception {
        Lab lab;
        try {
            lab = ctx.service().load(r.file);
        } catch (LabFileException e) {
            throw new IllegalStateException(Messages.format("life.list.cannotOpen", e.problems().isEmpty()
                    ? ForPeople.error(e) : e.problems().get(0).toString()));
        }
        Optional<String> cannot = ctx.service().providers().stream().filter(p -> p.id().equals(lab.provider())).findFirst()
                .flatMap(ProviderChoice::unavailableReason);
        SwingUtilities.invokeLater(() -> {
            r.lab = lab;
            r.cannotRun = cannot.map(s -> s.lines().findFirst().orElse(s)).orElse("");
            changed(r);
        });
        if (cannot.isPresent()) {
            throw new IllegalStateException(cannot.get().lines().findFirst().orElse(cannot.get()));
        }
        return ctx.service().status(lab);
    }

    private void changed(Row r) {
        int i = rows.indexOf(r);
        if (i >= 0) {
            model.fireTableRowsUpdated(i, i);
        }
        enableButtons();
    }

    private Optional<Row> selected() {
        int i = table.getSelectedRow();
        return i < 0 || i >= rows.size() ? Optional.empty() : Optional.of(rows.get(table.convertRowIndexToModel(i)));
    }

    private void then(Consumer<LabWindow> action) {
        selected().ifPresent(r -> ctx.frame().openLab(r.file, action));
    }

    private void enableButtons() {
        Optional<Row> r = selected();
        boolean loaded = r.map(x -> x.lab != null).orElse(false);
        boolean runs = loaded && r.get().cannotRun.isEmpty();
        Optional<LabStatus.State> state = r.flatMap(x -> x.reading == null ? Optional.empty() : x.reading.status()).map(LabStatus::state);
        boolean reachable = state.map(s -> s == LabStatus.State.UP || s == LabStatus.State.BROKEN).orElse(false);
        open.setEnabled(r.isPresent());
        provision.setEnabled(runs);
        String problem = r.map(x -> x.reading == null ? "" : x.reading.problem()).orElse("");
        provision.setToolTipText(loaded && !runs ? r.get().cannotRun : !loaded && !problem.isEmpty() ? problem : null);
        verify.setEnabled(runs && reachable);
        diagnose.setEnabled(runs && reachable);
        refresh.setEnabled(!rows.isEmpty());
    }

    /** The state shown in a row now (tests read it as a person reads the table). */
    public String stateText(int row) {
        javax.swing.table.TableCellRenderer renderer = table.getColumnModel().getColumn(3).getCellRenderer();
        return ((JLabel) renderer.getTableCellRendererComponent(table, rows.get(row), false, false, row, 3)).getText();
    }

    public JTable table() {
        return table;
    }

    private final class Model extends AbstractTableModel {
        @Override
        public int getRowCount() {
            return rows.size();
        }

        @Override
        public int getColumnCount() {
            return 4;
        }

        @Override
        public String getColumnName(int c) {
            return Messages.get(switch (c) {
                case 0 -> "life.list.col.lab";
                case 1 -> "life.list.col.provider";
                case 2 -> "life.list.col.nodes";
                default -> "life.list.col.state";
            });
        }

        @Override
        public Object getValueAt(int row, int c) {
            Row r = rows.get(row);
            return switch (c) {
                case 0 -> r;
                case 1 -> r.lab == null ? "" : Messages.has("life.provider." + r.lab.provider())
                        ? Messages.get("life.provider." + r.lab.provider()) : r.lab.provider();
                case 2 -> r.lab == null ? "" : Integer.toString(r.lab.nodes().size());
                default -> r;
            };
        }
    }

    /** Lab name in bold, its file under it in the muted colour. */
    private static final class LabRenderer extends DefaultTableCellRenderer {
        @Override
        public Component getTableCellRendererComponent(JTable t, Object v, boolean sel, boolean focus, int row, int col) {
            super.getTableCellRendererComponent(t, "", sel, false, row, col);
            Row r = (Row) v;
            String name = r.lab != null ? r.lab.name() : r.file.getFileName().toString();
            setText(name);
            setIcon(Icons.get("node"));
            setToolTipText(r.file.toString());
            return this;
        }
    }

    private static final class StateRenderer extends DefaultTableCellRenderer {
        @Override
        public Component getTableCellRendererComponent(JTable t, Object v, boolean sel, boolean focus, int row, int col) {
            super.getTableCellRendererComponent(t, "", sel, false, row, col);
            Row r = (Row) v;
            StateBadge.show(this, r.reading);
            if (!r.cannotRun.isEmpty()) {
                setText(Messages.get("life.state.cannotRun"));   // the reason is the tooltip
                setToolTipText(r.cannotRun);
            }
            if (sel) {
                setForeground(t.getSelectionForeground());
            }
            return this;
        }
    }
}
