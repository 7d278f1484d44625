package dev.overlaylab.app.gui;

import java.awt.Component;
import java.awt.Container;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javax.imageio.ImageIO;
import javax.swing.AbstractButton;
import javax.swing.JComponent;
import javax.swing.SwingUtilities;
import javax.swing.text.JTextComponent;

/**
 * Drives the real Swing UI by component name, always on the event thread. Clicks go through
 * {@code invokeLater} (a click may open a modal dialog, which would block {@code invokeAndWait}).
 */
final class GuiDriver {
    static final Duration TIMEOUT = Duration.ofSeconds(20);
    private final Path shots;
    private int shotNo;

    GuiDriver(Path shots) throws IOException {
        this.shots = Files.createDirectories(shots);
    }

    static <T> T onEdt(Callable<T> c) throws Exception {
        AtomicReference<T> out = new AtomicReference<>();
        AtomicReference<Exception> err = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            try {
                out.set(c.call());
            } catch (Exception e) {
                err.set(e);
            }
        });
        if (err.get() != null) {
            throw err.get();
        }
        return out.get();
    }

    /** Polls on the event thread until the condition holds; bounded by count and time. */
    static void waitFor(String what, BooleanSupplier condition) throws Exception {
        waitFor(what, condition, TIMEOUT);
    }

    static void waitFor(String what, BooleanSupplier condition, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long maxPolls = timeout.toMillis() / 10 + 100;
        for (long i = 0; i < maxPolls; i++) {
            if (onEdt(condition::getAsBoolean)) {
                onEdt(() -> null); // let queued repaints run before anyone looks
                return;
            }
            if (System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(10); // a poll interval, not a fixed wait for an outcome
        }
        throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for: " + what);
    }

    /** The showing component with this name in any open window. */
    static Optional<Component> find(String name) {
        for (Window w : Window.getWindows()) {
            if (w.isShowing()) {
                Optional<Component> c = find(w, name);
                if (c.isPresent()) {
                    return c;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Component> find(Component c, String name) {
        if (name.equals(c.getName()) && c.isShowing()) {
            return Optional.of(c);
        }
        if (c instanceof Container k) {
            for (Component child : k.getComponents()) {
                Optional<Component> f = find(child, name);
                if (f.isPresent()) {
                    return f;
                }
            }
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    <T extends Component> T get(String name) throws Exception {
        waitFor("component " + name, () -> find(name).isPresent());
        return (T) onEdt(() -> find(name).orElseThrow());
    }

    void click(String name) throws Exception {
        AbstractButton b = get(name);
        waitFor(name + " enabled", b::isEnabled);
        SwingUtilities.invokeLater(b::doClick);
        onEdt(() -> null);
    }

    void type(String name, String text) throws Exception {
        JTextComponent t = get(name);
        onEdt(() -> {
            t.setText(text);
            return null;
        });
    }

    boolean enabled(String name) throws Exception {
        Component c = get(name);
        return onEdt(c::isEnabled);
    }

    /** Paints the window holding {@code name} into a PNG (no window manager or screen grab needed). */
    Path screenshot(String componentName, String label) throws Exception {
        Component c = get(componentName);
        BufferedImage img = onEdt(() -> {
            Window w = c instanceof Window win ? win : SwingUtilities.getWindowAncestor(c);
            JComponent root = ((javax.swing.RootPaneContainer) w).getRootPane();
            BufferedImage i = new BufferedImage(root.getWidth(), root.getHeight(), BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = i.createGraphics();
            try {
                root.paint(g);
            } finally {
                g.dispose();
            }
            return i;
        });
        Path file = shots.resolve(String.format("%02d-%s.png", ++shotNo, label));
        ImageIO.write(img, "png", file.toFile());
        return file;
    }
}
