package dev.overlaylab.app;

import com.formdev.flatlaf.FlatClientProperties;
import dev.overlaylab.app.ui.Icons;
import dev.overlaylab.app.ui.Messages;
import dev.overlaylab.provider.Readiness;
import dev.overlaylab.provider.Readiness.Fact;
import dev.overlaylab.provider.Readiness.Level;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextArea;
import javax.swing.SwingWorker;
import net.miginfocom.swing.MigLayout;

/**
 * The start screen's "This machine" card: {@code olab doctor}'s report, read off the event thread.
 * In full the first time the app starts and whenever a provider is not ready — every failing fact
 * with its fix, in a field the person can select and copy; otherwise one line saying all is ready.
 */
final class MachineReadinessPanel extends JPanel {
    private final Supplier<List<Readiness>> doctor;
    private final AppPrefs prefs;
    private final JButton again = new JButton(Messages.get("start.machine.again"));

    MachineReadinessPanel(Supplier<List<Readiness>> doctor, AppPrefs prefs) {
        super(new MigLayout("insets 12 16 12 16, fillx, wrap 2",
                // columns: status icon, text
                "[]8[grow,fill]",
                // rows: one per line of the report
                ""));
        this.doctor = doctor;
        this.prefs = prefs;
        setName("start.machine");
        putClientProperty(FlatClientProperties.STYLE, "arc: 12; background: $Panel.background;"
                + " border: 12,16,12,16,$Component.borderColor,1,12");
        again.setName("start.machine.again");
        again.addActionListener(e -> check());
        check();
    }

    /** Runs the checks on a worker; shows "checking…" meanwhile. */
    void check() {
        removeAll();
        add(new JLabel(Icons.get("status-running", 16)));
        add(new JLabel(Messages.get("start.machine.checking")));
        again.setEnabled(false);
        revalidate();
        repaint();
        new SwingWorker<List<Readiness>, Void>() {
            @Override
            protected List<Readiness> doInBackground() {
                return doctor.get();
            }

            @Override
            protected void done() {
                again.setEnabled(true);
                try {
                    show(get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException e) {
                    showError(dev.overlaylab.app.engine.UserMessages.error(e.getCause()));
                }
            }
        }.execute();
    }

    private void show(List<Readiness> report) {
        removeAll();
        boolean allReady = report.stream().allMatch(Readiness::ready);
        boolean full = !allReady || !prefs.machineCheckSeen();
        prefs.setMachineCheckSeen();
        JLabel heading = new JLabel(Messages.get("start.machine.title"));
        heading.putClientProperty(FlatClientProperties.STYLE_CLASS, "h3");
        add(heading, "span 2, split 2, growx");
        add(again, "right");
        for (Readiness r : report) {
            add(new JLabel(Icons.get(r.ready() ? "status-ok" : "status-failed", 16)), "gaptop 6");
            JLabel name = new JLabel(Messages.format(r.ready() ? "start.machine.ready" : "start.machine.notReady", r.provider()));
            name.setName("start.machine." + r.provider());
            name.putClientProperty(FlatClientProperties.STYLE, "font: bold");
            add(name, "gaptop 6");
            if (!full) {
                continue;
            }
            for (Fact f : r.facts()) {
                if (f.level() == Level.OK) {
                    continue;
                }
                add(new JLabel(Icons.get(f.level() == Level.FAIL ? "error" : "warning", 14)), "gapleft 16, top");
                add(new JLabel("<html>" + esc(f.name()) + ": " + esc(f.detail()) + "</html>"), "wmin 0");
                if (!f.fix().isEmpty()) {
                    // selectable, wrapped: a fix is often a command to copy into a terminal
                    // the CLI indents its continuation lines under "fix:"; here the text wraps on its own
                    JTextArea fix = new JTextArea(f.fix().replaceAll("\n\\s+", "\n"));
                    fix.setName("start.machine.fix." + r.provider() + "." + f.name());
                    fix.setEditable(false);
                    fix.setLineWrap(true);
                    fix.setWrapStyleWord(true);
                    fix.setToolTipText(Messages.get("start.machine.copy"));
                    fix.putClientProperty(FlatClientProperties.STYLE, "font: $monospaced.font; border: 3,6,3,6;"
                            + " background: $TextField.background");
                    add(new JLabel(Messages.get("start.machine.fix")), "gapleft 16, right, top, gaptop 3");
                    add(fix, "wmin 0");
                }
            }
        }
        revalidate();
        repaint();
    }

    private void showError(String message) {
        removeAll();
        add(new JLabel(Icons.get("error", 16)));
        add(new JLabel(Messages.format("start.machine.failed", message)));
        add(again, "span 2, right");
        revalidate();
        repaint();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;");
    }
}
