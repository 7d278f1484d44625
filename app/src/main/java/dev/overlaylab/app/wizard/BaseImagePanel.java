package dev.overlaylab.app.wizard;

import dev.overlaylab.app.engine.BaseImageNeed;
import dev.overlaylab.app.engine.LabService;
import dev.overlaylab.app.ui.Banner;
import dev.overlaylab.app.ui.Messages;
import dev.overlaylab.app.ui.Worker;
import dev.overlaylab.progress.ProgressEvent;
import dev.overlaylab.provider.virtualbox.image.DownloadProgress;
import java.util.Objects;
import java.util.Optional;
import javax.swing.JButton;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.SwingUtilities;
import net.miginfocom.swing.MigLayout;

/**
 * Under the VirtualBox choice: when the lab's profile needs a base image this machine lacks, says
 * so and offers one button that runs the engine's {@code olab image add PROFILE}, with a progress
 * bar fed by its download events. Hidden when nothing is missing or another provider is chosen.
 */
final class BaseImagePanel extends JPanel {
    private final LabService service;
    private final Banner note = new Banner();
    private final JButton add = new JButton(Messages.get("wizard.image.add"));
    private final JProgressBar bar = new JProgressBar(0, 100);
    private String checkedFor;
    private Optional<BaseImageNeed> need = Optional.empty();
    private boolean running;

    BaseImagePanel(LabService service) {
        super(new MigLayout("insets 0, wrap 1, hidemode 3",
                // columns
                "[grow, fill]",
                // rows
                "[]4[]4[]"));
        this.service = service;
        setName("wizard.image");
        add.setName("wizard.image.add");
        bar.setName("wizard.image.progress");
        bar.setStringPainted(true);
        bar.setVisible(false);
        add.setVisible(false);
        add(note, "wmin 0");
        add(add, "growx 0");
        add(bar, "wmin 0");
        add.addActionListener(e -> start());
        setVisible(false);
    }

    /** Asks the engine (off the event thread) whether this provider and profile lack a base image; only when they changed. */
    void check(String provider, String profile) {
        String key = provider + "|" + profile;
        if (running || Objects.equals(key, checkedFor)) {
            return;
        }
        checkedFor = key;
        Worker.<Optional<BaseImageNeed>>of(() -> service.missingBaseImage(provider, profile), found -> {
            if (key.equals(checkedFor)) {
                show(found);
            }
        }, err -> {
            // not knowing is not a reason to block the wizard: up names a missing image itself
            if (key.equals(checkedFor)) {
                show(Optional.empty());
            }
        }).execute();
    }

    private void show(Optional<BaseImageNeed> found) {
        need = found;
        setVisible(found.isPresent());
        if (found.isEmpty()) {
            return;
        }
        BaseImageNeed n = found.get();
        if (n.url().isPresent()) {
            note.show(Banner.Kind.INFO, Messages.format("wizard.image.missing", n.box(), n.profile(), host(n.url().get())));
            add.setVisible(true);
            add.setEnabled(true);
        } else {
            note.show(Banner.Kind.WARNING, Messages.format("wizard.image.noUrl", n.box(), n.profile()));
            add.setVisible(false);
        }
        bar.setVisible(false);
    }

    /** The whole URL is long and says little to a person; where it comes from is the host. */
    private static String host(String url) {
        try {
            String h = java.net.URI.create(url).getHost();
            return h == null ? url : h;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    private void start() {
        BaseImageNeed n = need.orElseThrow();
        running = true;
        add.setEnabled(false);
        bar.setVisible(true);
        bar.setIndeterminate(true);
        bar.setString(Messages.get("wizard.image.starting"));
        Worker.<Void>of(() -> {
            service.addBaseImage(n.profile(), e -> SwingUtilities.invokeLater(() -> progress(e)));
            return null;
        }, ok -> {
            running = false;
            bar.setIndeterminate(false);
            bar.setValue(100);
            bar.setString(Messages.get("wizard.image.done"));
            add.setVisible(false);
            note.show(Banner.Kind.INFO, Messages.format("wizard.image.ready", n.box()));
        }, err -> {
            running = false;
            bar.setVisible(false);
            add.setEnabled(true);
            add.setText(Messages.get("wizard.image.retry"));
            note.show(Banner.Kind.ERROR, Messages.format("wizard.image.failed", dev.overlaylab.app.engine.UserMessages.error(err)));
        }).execute();
    }

    /** Download events move the bar; the import, which VBoxManage does not report in steps, spins it. */
    private void progress(ProgressEvent e) {
        Optional<DownloadProgress> p = e.step().equals(DownloadProgress.STEP) && e.status() == ProgressEvent.Status.PROGRESS
                ? DownloadProgress.parse(e.message()) : Optional.empty();
        if (p.isPresent()) {
            bar.setIndeterminate(p.get().percent().isEmpty());
            p.get().percent().ifPresent(v -> bar.setValue((int) v));
            bar.setString(e.message());
        } else if (e.status() == ProgressEvent.Status.STARTED || e.status() == ProgressEvent.Status.PROGRESS) {
            bar.setIndeterminate(!e.step().equals(DownloadProgress.STEP));
            bar.setString(e.step() + ": " + e.message());
        }
    }
}
