package dev.overlaylab.app.life;

import dev.overlaylab.app.AppContext;
import dev.overlaylab.app.diagnose.ForPeople;
import dev.overlaylab.app.ui.Messages;
import dev.overlaylab.compose.LabStatus;
import dev.overlaylab.model.Lab;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.Timer;
import net.miginfocom.swing.MigLayout;

/**
 * The open lab's state and its life beside its name: the state (read from the nodes, refreshed
 * after every change made here), Halt, Resume and Snapshots where the provider has them (disabled
 * with the reason where it has not), and Down with its preview.
 */
public final class LifeBar extends JPanel {
    private final AppContext ctx;
    private final StateReader reader = new StateReader();
    private final JLabel state = new JLabel();
    private final JLabel doing = new JLabel();
    private final JButton refresh = button("life.refresh", "refresh", "refresh");
    private final JButton halt = button("life.halt", "halt", "halt");
    private final JButton resume = button("life.resume", "resume", "resume");
    private final JButton snapshots = button("life.snapshots", "snapshots", "snapshot");
    private final JButton down = button("life.down", "down", "down");
    private final List<Consumer<StateReader.Reading>> listeners = new ArrayList<>();
    private Lab lab;
    private StateReader.Reading reading;
    private boolean busy;

    public LifeBar(AppContext ctx, Lab lab) {
        super(new MigLayout("insets 0, gap 6",
                // columns: state, what runs now, then the buttons at the right
                "[]8[]push[][][][][]",
                // rows
                "[center]"));
        this.ctx = ctx;
        this.lab = lab;
        setName("life");
        setOpaque(false);
        state.setName("life.state");
        doing.setName("life.doing");
        refresh.setToolTipText(Messages.get("life.refresh.tip"));
        down.setToolTipText(Messages.get("life.down.tip"));
        refresh.addActionListener(e -> refreshState());
        halt.addActionListener(e -> run("life.halting", "life.halted", p -> ctx.service().halt(this.lab, p)));
        resume.addActionListener(e -> run("life.resuming", "life.resumed", p -> ctx.service().resume(this.lab, p)));
        snapshots.addActionListener(e -> new SnapshotsDialog(this, ctx, this.lab, isHalted(), this::refreshState).setVisible(true));
        down.addActionListener(e -> {
            new DownDialog(this, ctx, this.lab).setVisible(true);
            refreshState();
        });
        add(state);
        add(doing);
        add(refresh);
        add(halt);
        add(resume);
        add(snapshots);
        add(down);
        refreshState();
        // live while the lab is on screen; a reading still running (a hanging node) is not repeated
        Timer live = new Timer((int) LabListPanel.LIVE_INTERVAL.toMillis(), e -> readState(false));
        addHierarchyListener(e -> {
            if (isShowing()) {
                live.start();
            } else {
                live.stop();
            }
        });
    }

    private static JButton button(String key, String name, String icon) {
        return Buttons.of(key, "life." + name, icon);
    }

    /** The lab file changed (same nodes): later actions use the new one. */
    public void setLab(Lab changed) {
        lab = changed;
    }

    /** The Nodes tab learns from each state read here whether the nodes can be reached. */
    public void tell(NodesPanel nodes) {
        onState(nodes::onState);
    }

    void onState(Consumer<StateReader.Reading> listener) {
        listeners.add(listener);
        if (reading != null) {
            listener.accept(reading);
        }
    }

    /** Reads the state again, off the event thread, showing "Checking…"; a read still running is not repeated. */
    public void refreshState() {
        readState(true);
    }

    private void readState(boolean showChecking) {
        Lab l = lab;
        if (busy) {
            return;   // halting or resuming: the state is read when that ends
        }
        if (reader.read(this, () -> ctx.service().status(l), r -> {
            reading = r;
            StateBadge.show(state, r);
            enableButtons();
            listeners.forEach(c -> c.accept(r));
        }) && showChecking) {
            StateBadge.show(state, null);
            reading = null;
            enableButtons();
        }
    }

    private boolean isHalted() {
        return stateNow().map(s -> s == LabStatus.State.HALTED).orElse(false);
    }

    private Optional<LabStatus.State> stateNow() {
        return reading == null ? Optional.empty() : reading.status().map(LabStatus::state);
    }

    private void enableButtons() {
        Optional<String> noLifecycle = ctx.service().lifecycleUnavailable(lab);
        Optional<LabStatus.State> s = stateNow();
        boolean known = s.isPresent();
        boolean machines = s.map(x -> x != LabStatus.State.NOT_CREATED).orElse(false);
        halt.setEnabled(!busy && noLifecycle.isEmpty() && known && (s.get() == LabStatus.State.UP || s.get() == LabStatus.State.BROKEN));
        resume.setEnabled(!busy && noLifecycle.isEmpty() && known && s.get() != LabStatus.State.UP && machines);
        snapshots.setEnabled(!busy && noLifecycle.isEmpty() && machines);
        String why = noLifecycle.orElse(null);
        halt.setToolTipText(why != null ? why : Messages.get("life.halt.tip"));
        resume.setToolTipText(why != null ? why : Messages.get("life.resume.tip"));
        snapshots.setToolTipText(why);
        down.setEnabled(!busy);
        refresh.setEnabled(!busy);
    }

    /** Halt or resume: one job at a time, what it is doing beside the state, the outcome in words. */
    private void run(String doingKey, String doneKey, Job job) {
        busy = true;
        enableButtons();
        doing.setText(Messages.get(doingKey));
        doing.setToolTipText(null);
        Job.start(job, () -> finish(Messages.get(doneKey)), e -> finish(Messages.format("life.failed", ForPeople.error(e))));
    }

    private void finish(String outcome) {
        busy = false;
        doing.setText(outcome.length() > 90 ? outcome.substring(0, 87) + "\u2026" : outcome);
        doing.setToolTipText(outcome);
        refreshState();
    }

    public String stateText() {
        return state.getText();
    }

    public Optional<LabStatus> status() {
        return reading == null ? Optional.empty() : reading.status();
    }
}
