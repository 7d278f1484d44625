package dev.overlaylab.app.gui;

import dev.overlaylab.app.AppContext;
import dev.overlaylab.app.AppPrefs;
import dev.overlaylab.app.MainFrame;
import dev.overlaylab.app.engine.HostKeyNotices;
import dev.overlaylab.app.engine.LabService;
import dev.overlaylab.app.ui.Themes;
import java.awt.Container;
import java.awt.Window;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.prefs.Preferences;
import javax.swing.JFrame;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the app's GUI tests share (the wizard's have {@link WizardGuiBase}), so that each says only
 * what its screen needs. Registered with {@code @RegisterExtension}, it gives:
 * <ul>
 * <li>before each test, an X display or the test is skipped ({@link Prereq#display()});</li>
 * <li>a {@link GuiDriver} whose screenshots go to the folder named;</li>
 * <li>preferences of the test class's own ({@code dev/overlaylab/app-NAME-PID}) and an {@link AppContext}
 * on them, with the real engine or a {@link LabServiceDouble};</li>
 * <li>the app's main window, or one screen alone in a window of its own, built on the event thread
 * in the theme asked;</li>
 * <li>after each test — after the class's own {@code @AfterEach}, which may take a lab down first —
 * every window disposed, the light theme back for the next test, and the preferences removed,
 * whatever the test did.</li>
 * </ul>
 */
final class AppOnScreen implements BeforeEachCallback, AfterEachCallback {
    private final String prefsNode;
    private final GuiDriver gui;
    /** False when the test was skipped before anything could be shown: then there is nothing to close. */
    private boolean displayed;

    /**
     * @param name  this test class's part of the preferences node, e.g. {@code darktest}
     * @param shots where {@link GuiDriver}'s screenshots go
     */
    AppOnScreen(String name, Path shots) {
        this.prefsNode = "dev/overlaylab/app-" + name + "-" + ProcessHandle.current().pid();
        try {
            this.gui = new GuiDriver(shots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Prereq.display();
        displayed = true;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (!displayed) {
            return;
        }
        GuiDriver.onEdt(() -> {
            Arrays.stream(Window.getWindows()).forEach(Window::dispose);
            Themes.install(AppPrefs.Theme.LIGHT);
            return null;
        });
        preferences().removeNode();
    }

    GuiDriver gui() {
        return gui;
    }

    /** This test's own preferences node (removed after each test). */
    Preferences preferences() {
        return Preferences.userRoot().node(prefsNode);
    }

    AppPrefs prefs() {
        return new AppPrefs(preferences());
    }

    /** The app as it runs, on this test's preferences: the real engine. */
    AppContext real() {
        return AppContext.real(prefs());
    }

    /** The app on this test's preferences with {@code service} (a double) as its engine. */
    AppContext context(LabService service) {
        return new AppContext(service, prefs(), new HostKeyNotices());
    }

    /** The app's main window in the light theme, 1280 × 820, showing its start screen. */
    MainFrame mainFrame(AppContext ctx) throws Exception {
        return mainFrame(ctx, AppPrefs.Theme.LIGHT, 1280, 820);
    }

    MainFrame mainFrame(AppContext ctx, AppPrefs.Theme theme, int width, int height) throws Exception {
        return GuiDriver.onEdt(() -> {
            Themes.install(theme);
            MainFrame f = new MainFrame(ctx);
            f.setSize(width, height);
            f.setVisible(true);
            return f;
        });
    }

    /**
     * One screen alone: {@code content} is made on the event thread after the theme is installed, and
     * shown as the whole of a window titled {@code title} at the screen's top left. Returns the content;
     * its window is {@code SwingUtilities.getWindowAncestor(content)}.
     */
    <T extends Container> T show(String title, int width, int height, AppPrefs.Theme theme, Callable<T> content) throws Exception {
        return GuiDriver.onEdt(() -> {
            Themes.install(theme);
            T c = content.call();
            JFrame frame = new JFrame(title);
            frame.setContentPane(c);
            frame.setSize(width, height);
            frame.setLocation(0, 0);
            frame.setVisible(true);
            return c;
        });
    }
}
