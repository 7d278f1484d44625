package dev.overlaylab.app.progress;

import dev.overlaylab.app.AppContext;
import dev.overlaylab.app.engine.Stages;
import dev.overlaylab.app.engine.UserMessages;
import dev.overlaylab.app.ui.Banner;
import dev.overlaylab.app.ui.Icons;
import dev.overlaylab.app.ui.Messages;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.progress.ProgressEvent;
import java.util.List;
import java.util.Optional;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.SwingWorker;
import net.miginfocom.swing.MigLayout;

/**
 * Provisioning view: node × stage grid with status and time, overall progress, a live log filtered
 * by node, Cancel (interrupts the worker; the engine stops at the next step boundary), and on
 * failure the error with its evidence and "Retry from here".
 */
public final class ProvisionPanel extends JPanel {
    private final AppContext ctx;
    private Lab lab;
    private final StageGridModel grid;
    private final JTable table;
    private final LogPane log;
    private final JProgressBar bar = new JProgressBar(0, 1000);
    private final JLabel status = new JLabel(Messages.get("provision.idle"));
    private final Banner unavailable = new Banner();
    private final Banner failure = new Banner();
    private final JButton start = new JButton(Messages.get("provision.start"), Icons.get("provision"));
    private final JButton cancel = new JButton(Messages.get("provision.cancel"), Icons.get("cancel"));
    private final JButton retry = new JButton(Messages.get("provision.retry"), Icons.get("retry"));
    private UpWorker worker;
    private boolean running;
    /** The current run's engine thread has returned (Cancel does not wait for it). */
    private boolean threadEnded = true;
    private boolean cancelledRun;
    private String lastSummary = "";
    private final java.util.function.Consumer<String> hostKeyLines = this::hostKeyLine;

    public ProvisionPanel(AppContext ctx, Lab lab) {
        super(new MigLayout("insets 12, fill, wrap 1, hidemode 3",
                // columns
                "[grow, fill]",
                // rows: banner, buttons+progress, failure, grid heading, grid+log
                "[][][]8[][grow, fill]"));
        this.ctx = ctx;
        this.lab = lab;
        setName("provisionPanel");
        List<String> nodes = lab.nodes().stream().map(Node::name).toList();
        grid = new StageGridModel(nodes, dev.overlaylab.app.engine.StageScopes.of(lab, StageGridModel.LAB_ROW),
                System::nanoTime);
        table = new JTable(grid);
        table.setName("provision.grid");
        table.setDefaultRenderer(StageCell.class, new StageCellRenderer());
        table.setRowSelectionAllowed(false);
        table.getTableHeader().setReorderingAllowed(false);
        table.setFillsViewportHeight(true);
        oneTabStop(table);
        log = new LogPane(nodes);

        start.setName("provision.start");
        cancel.setName("provision.cancel");
        retry.setName("provision.retry");
        failure.setName("provision.failure");
        status.setName("provision.status");
        bar.setName("provision.bar");
        start.addActionListener(e -> run(Optional.empty()));
        cancel.addActionListener(e -> cancel());
        retry.addActionListener(e -> retryFromFailure());
        cancel.setEnabled(false);
        retry.setVisible(false);
        bar.setStringPainted(true);
        bar.setString("0 %");

        add(unavailable);
        add(start, "split 4, sg btn");
        add(cancel, "sg btn");
        add(bar, "growx, gapleft 12");
        add(status, "gapleft 8, wmin 160");
        JPanel failureRow = new JPanel(new MigLayout("insets 0, fillx",
                // columns
                "[grow, fill][]",
                // rows
                "[top]"));
        failureRow.add(failure);
        failureRow.add(retry, "aligny top");
        add(failureRow, "hidemode 3");
        JScrollPane gridScroll = new JScrollPane(table);
        JSplitPane split = new JSplitPane(JSplitPane.VERTICAL_SPLIT, gridScroll, log);
        split.setResizeWeight(0.5);
        log.setMinimumSize(new java.awt.Dimension(200, 160));
        gridScroll.setMinimumSize(new java.awt.Dimension(200, 120));
        split.setBorder(null);
        add(new JLabel(Messages.get("provision.grid")), "gaptop 4");
        add(split, "push, grow");
        failureRow.setVisible(false);
        this.failureRow = failureRow;

        // Host keys seen for the first time are shown once, in this log (lines come from worker threads).
        ctx.hostKeys().subscribe(hostKeyLines);
    }

    private final JPanel failureRow;

    /** The grid is one Tab stop (arrow keys move inside it), not one stop per cell as a JTable has. */
    static void oneTabStop(JTable t) {
        t.setFocusTraversalKeys(java.awt.KeyboardFocusManager.FORWARD_TRAVERSAL_KEYS, java.util.Set.of(
                javax.swing.KeyStroke.getKeyStroke(java.awt.event.KeyEvent.VK_TAB, 0),
                javax.swing.KeyStroke.getKeyStroke(java.awt.event.KeyEvent.VK_TAB, java.awt.event.InputEvent.CTRL_DOWN_MASK)));
        t.setFocusTraversalKeys(java.awt.KeyboardFocusManager.BACKWARD_TRAVERSAL_KEYS, java.util.Set.of(
                javax.swing.KeyStroke.getKeyStroke(java.awt.event.KeyEvent.VK_TAB, java.awt.event.InputEvent.SHIFT_DOWN_MASK),
                javax.swing.KeyStroke.getKeyStroke(java.awt.event.KeyEvent.VK_TAB,
                        java.awt.event.InputEvent.SHIFT_DOWN_MASK | java.awt.event.InputEvent.CTRL_DOWN_MASK)));
    }

    /** Starts provisioning from the first stage (the wizard's "Provision" and the Start button). */
    public void provision() {
        if (start.isEnabled() && !cannotRun) {
            run(Optional.empty());
        }
    }

    private void hostKeyLine(String line) {
        javax.swing.SwingUtilities.invokeLater(() -> log.append(line));
    }

    /** The lab window is going away: stop listening (a run still in flight is left to finish). */
    public void dispose() {
        ctx.hostKeys().unsubscribe(hostKeyLines);
    }

    /** The lab changed (same nodes, e.g. a new backend): later runs bring up the new one. */
    public void setLab(Lab changed) {
        lab = changed;
    }

    public StageGridModel grid() {
        return grid;
    }

    /** True from Provision until the result is shown (not merely until the worker thread ends). */
    public boolean isRunning() {
        return running;
    }

    private void run(Optional<String> fromStage) {
        grid.resetFrom(fromStage.map(Stages::indexOf).orElse(0));
        failureRow.setVisible(false);
        failedBar = false;
        bar.putClientProperty(com.formdev.flatlaf.FlatClientProperties.STYLE, null);
        updateProgress();
        log.append(Messages.format(fromStage.isPresent() ? "provision.log.retry" : "provision.log.start",
                lab.name(), fromStage.orElse("")));
        worker = new UpWorker(ctx.service(), lab, fromStage);
        running = true;
        threadEnded = false;
        start.setEnabled(false);
        cancel.setEnabled(true);
        status.setText(Messages.get("provision.running"));
        worker.execute();
    }

    /** Stops a running provisioning after its current step (the lab window is closing); no-op when idle. */
    public void stop() {
        if (running) {
            cancel();
        }
    }

    private void cancel() {
        if (worker != null) {
            status.setText(Messages.get("provision.cancelling"));
            cancel.setEnabled(false);
            worker.cancel(true);
        }
    }

    private void retryFromFailure() {
        grid.firstFailure().ifPresent(f -> run(Optional.of(f.stage())));
    }

    private void updateProgress() {
        int permille = (int) Math.round(grid.progress() * 1000);
        bar.setValue(permille);
        bar.setString(failedBar ? Messages.format("provision.bar.failed", permille / 10) : permille / 10 + " %");
    }

    private void workerThreadEnded() {
        threadEnded = true;
        if (!running) {
            start.setEnabled(true);
            if (cancelledRun) {
                status.setText(Messages.get("provision.cancelled"));
                log.append(Messages.get("provision.log.cancelled"));
            }
        }
    }

    /**
     * The lab's provider cannot run on this computer (a VirtualBox lab on a machine without it):
     * Provision stays disabled, and says why, instead of failing after the click.
     */
    public void setCannotRun(String reason) {
        cannotRun = true;
        start.setEnabled(false);
        start.setToolTipText(reason);
        failure.show(Banner.Kind.INFO, Messages.format("provision.cannotRun", reason));
        retry.setVisible(false);
        failureRow.setVisible(true);
    }

    private boolean cannotRun;

    /** Told when a run ends, however it ended (the lab window reads the lab's state again). */
    public void setOnFinished(Runnable listener) {
        onFinished = listener;
    }

    private Runnable onFinished = () -> { };

    private void finished(Throwable error, boolean cancelled) {
        running = false;
        cancelledRun = cancelled;
        start.setEnabled(threadEnded && !cannotRun);
        cancel.setEnabled(false);
        if (cancelled) {
            grid.cancelOpenCells();
            if (threadEnded) {
                status.setText(Messages.get("provision.cancelled"));
                log.append(Messages.get("provision.log.cancelled"));
            }
        } else if (error != null || grid.firstFailure().isPresent()) {
            showFailure(error);
        } else {
            status.setText(Messages.get("provision.done"));
            log.append(Messages.format("provision.log.done", lastSummary));
        }
        updateProgress();
        onFinished.run();
    }

    private void showFailure(Throwable error) {
        Optional<ProgressEvent> f = grid.firstFailure();
        String text = f.map(e -> UserMessages.failure(Messages.get("stage." + e.stage()), e.node(), e.step(), e.message()))
                .orElse(Messages.format("provision.failure.plain", UserMessages.error(error)));
        failure.show(Banner.Kind.ERROR, text);
        retry.setVisible(f.isPresent());
        failureRow.setVisible(true);
        status.setText(Messages.get("provision.failed"));
        grid.markNotRun();
        bar.putClientProperty(com.formdev.flatlaf.FlatClientProperties.STYLE, "foreground: $OverlayLab.failed");
        failedBar = true;
        log.append(text);
    }

    /** The bar is red since the last run failed (until the next one starts). */
    private boolean failedBar;

    /** Runs {@code up} off the event thread; events come back in batches through publish/process. */
    private final class UpWorker extends SwingWorker<dev.overlaylab.app.engine.RunSummary, ProgressEvent> {
        private final dev.overlaylab.app.engine.LabService service;
        private final Lab input;
        private final Optional<String> from;

        UpWorker(dev.overlaylab.app.engine.LabService service, Lab input, Optional<String> from) {
            this.service = service;
            this.input = input;
            this.from = from;
        }

        @Override
        protected dev.overlaylab.app.engine.RunSummary doInBackground() throws Exception {
            try {
                return service.up(input, from, this::publish);
            } finally {
                // After Cancel, done() runs at once while the engine finishes its current step:
                // only now may a new run start.
                javax.swing.SwingUtilities.invokeLater(ProvisionPanel.this::workerThreadEnded);
            }
        }

        @Override
        protected void process(List<ProgressEvent> events) {
            for (ProgressEvent e : events) {
                grid.apply(e);
                log.add(e);
            }
            updateProgress();
        }

        @Override
        protected void done() {
            if (isCancelled()) {
                finished(null, true);
                return;
            }
            try {
                dev.overlaylab.app.engine.RunSummary r = get();
                lastSummary = r.summary();
                finished(r.ok() ? null : new IllegalStateException(r.summary()), false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                finished(cause, cause instanceof InterruptedException);
            }
        }
    }
}
