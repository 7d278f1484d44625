package dev.overlaylab.app.wizard;

import static dev.overlaylab.app.wizard.Edt.find;
import static dev.overlaylab.app.wizard.Edt.onEdt;
import static dev.overlaylab.app.wizard.Edt.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.app.engine.BaseImageNeed;
import dev.overlaylab.app.engine.LabService;
import dev.overlaylab.progress.ProgressEvent;
import dev.overlaylab.progress.ProgressEvent.Status;
import dev.overlaylab.progress.ProgressListener;
import dev.overlaylab.provider.virtualbox.image.DownloadProgress;
import java.lang.reflect.Proxy;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JButton;
import javax.swing.JProgressBar;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

/**
 * The wizard's base-image button, headless (no window: only lightweight components), driven by a
 * LabService double that stands in for the engine's image add: the bar follows the download
 * events and the panel says when the image is ready or why it failed.
 */
class BaseImagePanelTest {
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicReference<String> addedProfile = new AtomicReference<>();
    private volatile boolean fail;

    private final LabService service = (LabService) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {LabService.class}, (proxy, m, args) -> switch (m.getName()) {
                case "missingBaseImage" -> "virtualbox".equals(args[0])
                        ? Optional.of(new BaseImageNeed((String) args[1], "bento/ubuntu-16.04", Optional.of("https://example.org/x.box")))
                        : Optional.empty();
                case "addBaseImage" -> {
                    addedProfile.set((String) args[0]);
                    ProgressListener l = (ProgressListener) args[1];
                    l.on(ProgressEvent.of("image", "", DownloadProgress.STEP, Status.PROGRESS,
                            new DownloadProgress(40, OptionalLong.of(100), 10).message()));
                    release.await(10, TimeUnit.SECONDS);
                    if (fail) {
                        throw new IllegalStateException("HTTP 404 from https://example.org/x.box");
                    }
                    yield null;
                }
                default -> throw new UnsupportedOperationException(m.getName());
            });

    @Test
    void aMissingImageOffersTheButtonAndTheBarFollowsTheDownload() throws Exception {
        BaseImagePanel panel = onEdt(() -> new BaseImagePanel(service));
        SwingUtilities.invokeAndWait(() -> panel.check("virtualbox", "ubuntu-16.04"));
        waitFor(() -> onEdt(panel::isVisible));
        JButton add = find(panel, JButton.class);
        JProgressBar bar = find(panel, JProgressBar.class);
        assertThat(onEdt(add::isVisible)).isTrue();

        SwingUtilities.invokeAndWait(add::doClick);
        waitFor(() -> onEdt(() -> bar.getValue() == 40));
        assertThat(onEdt(bar::getString)).isEqualTo("40% 40 B of 100 B at 10 B/s");
        assertThat(onEdt(add::isEnabled)).isFalse();
        assertThat(addedProfile.get()).isEqualTo("ubuntu-16.04");

        release.countDown();
        waitFor(() -> onEdt(() -> !add.isVisible()));
        assertThat(onEdt(bar::getValue)).isEqualTo(100);
    }

    @Test
    void aFailureIsShownAndTheButtonOffersToContinue() throws Exception {
        fail = true;
        release.countDown();
        BaseImagePanel panel = onEdt(() -> new BaseImagePanel(service));
        SwingUtilities.invokeAndWait(() -> panel.check("virtualbox", "ubuntu-16.04"));
        waitFor(() -> onEdt(panel::isVisible));
        JButton add = find(panel, JButton.class);
        SwingUtilities.invokeAndWait(add::doClick);
        waitFor(() -> onEdt(() -> add.isEnabled() && add.getText().startsWith("Try again")));
        assertThat(onEdt(() -> find(panel, dev.overlaylab.app.ui.Banner.class).message())).contains("HTTP 404 from https://example.org/x.box");
    }

    @Test
    void anotherProviderHidesIt() throws Exception {
        BaseImagePanel panel = onEdt(() -> new BaseImagePanel(service));
        SwingUtilities.invokeAndWait(() -> panel.check("virtualbox", "ubuntu-16.04"));
        waitFor(() -> onEdt(panel::isVisible));
        SwingUtilities.invokeAndWait(() -> panel.check("local", "debian-12-nspawn"));
        waitFor(() -> onEdt(() -> !panel.isVisible()));
    }
}
