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

    /** The showing window with this name (a dialog the app named), once it is on screen. */
    Window window(String name) throws Exception {
        return get(name);
    }

    /** True when a window with this name is showing now (no waiting). */
    static boolean showing(String name) throws Exception {
        return onEdt(() -> find(name).isPresent());
    }

    /** Every text a person can read in the component and its children (labels, buttons, text components). */
    static String textOf(Component c) throws Exception {
        return onEdt(() -> {
            StringBuilder b = new StringBuilder();
            collectText(c, b);
            return b.toString();
        });
    }

    private static void collectText(Component c, StringBuilder b) {
        if (c instanceof javax.swing.JLabel l && l.getText() != null) {
            b.append(l.getText()).append('\n');
        } else if (c instanceof AbstractButton ab && ab.getText() != null) {
            b.append(ab.getText()).append('\n');
        } else if (c instanceof JTextComponent t) {
            b.append(t.getText()).append('\n');
        }
        if (c instanceof Container k) {
            for (Component child : k.getComponents()) {
                collectText(child, b);
            }
        }
    }

    /** Sets a spinner's value as a person typing it and leaving the field would. */
    void spin(String name, int value) throws Exception {
        javax.swing.JSpinner s = get(name);
        onEdt(() -> {
            s.setValue(value);
            return null;
        });
    }

    /**
     * Types into a table cell through the table's own cell editor, as a double-click and typing do;
     * {@code commit} presses Enter (stops editing), otherwise the editor is left open.
     */
    void editCell(String table, int row, int col, String text, boolean commit) throws Exception {
        javax.swing.JTable t = get(table);
        onEdt(() -> {
            if (!t.editCellAt(row, col)) {
                throw new AssertionError("cell " + row + "," + col + " of " + table + " is not editable");
            }
            JTextComponent f = (JTextComponent) t.getEditorComponent();
            f.setText(text);
            if (commit) {
                t.getCellEditor().stopCellEditing();
            }
            return null;
        });
    }

    /** Sends a key press to a component, as the keyboard would while its window has focus. */
    void key(String name, int keyCode, int modifiers) throws Exception {
        Component c = get(name);
        SwingUtilities.invokeLater(() -> {
            long now = System.currentTimeMillis();
            c.dispatchEvent(new java.awt.event.KeyEvent(c, java.awt.event.KeyEvent.KEY_PRESSED, now, modifiers, keyCode,
                    java.awt.event.KeyEvent.CHAR_UNDEFINED));
            c.dispatchEvent(new java.awt.event.KeyEvent(c, java.awt.event.KeyEvent.KEY_RELEASED, now, modifiers, keyCode,
                    java.awt.event.KeyEvent.CHAR_UNDEFINED));
        });
        onEdt(() -> null);
    }

    /** Grabs the whole (virtual) screen, windows where the person sees them: dialogs off screen show as cut off. */
    Path screen(String label) throws Exception {
        onEdt(() -> null);
        java.awt.Rectangle all = onEdt(() -> java.awt.GraphicsEnvironment.getLocalGraphicsEnvironment()
                .getDefaultScreenDevice().getDefaultConfiguration().getBounds());
        BufferedImage img = new java.awt.Robot().createScreenCapture(all);
        Path file = shots.resolve(String.format("%02d-%s.png", ++shotNo, label));
        ImageIO.write(img, "png", file.toFile());
        return file;
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
