package dev.overlaylab.app.ui;

import java.awt.Component;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GraphicsConfiguration;
import java.awt.GraphicsEnvironment;
import java.awt.Insets;
import java.awt.Rectangle;
import java.awt.Toolkit;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.util.List;
import java.util.Optional;
import javax.swing.AbstractAction;
import javax.swing.AbstractButton;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.JTextPane;
import javax.swing.KeyStroke;
import javax.swing.ScrollPaneConstants;
import javax.swing.UIManager;
import javax.swing.text.SimpleAttributeSet;
import javax.swing.text.StyleConstants;
import javax.swing.text.StyledDocument;
import net.miginfocom.swing.MigLayout;

/**
 * The dialog habits every dialog follows: ESC closes it, Enter presses the default button, a
 * question's default answer is the one that loses nothing, every dialog fits on the screen, and
 * text is plain text (never HTML built from file names or engine messages) in the label font.
 */
public final class Dialogs {
    /** At most this share of the screen, so OK is never off screen. */
    static final double MAX_SCREEN_SHARE = 0.8;
    /** Room the option pane takes around its message: icon, insets, window border. */
    private static final int CHROME_WIDTH = 110;
    private static final int CHROME_HEIGHT = 150;
    /** Widest a paragraph of a question wraps at, in label-font "m" widths. */
    private static final int TEXT_COLUMNS = 56;

    private Dialogs() {
    }

    public static void escapeCloses(JDialog dialog, Runnable onClose) {
        JComponent root = dialog.getRootPane();
        root.getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW)
                .put(KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), "olab.close");
        root.getActionMap().put("olab.close", new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                onClose.run();
            }
        });
    }

    public static void defaultButton(JDialog dialog, JButton button) {
        dialog.getRootPane().setDefaultButton(button.isEnabled() ? button : null);
        // FlatLaf paints a default button bold and bright even when disabled (in the dark theme it
        // looked enabled), and Enter cannot press a disabled button anyway: it is default only while enabled.
        button.addPropertyChangeListener("enabled", e -> dialog.getRootPane()
                .setDefaultButton(Boolean.TRUE.equals(e.getNewValue()) ? button : null));
    }

    /**
     * Sets a field's label from text where {@code &} marks the mnemonic ({@code "&Port"}): Alt and that
     * letter moves the focus to {@code target}.
     */
    public static void label(javax.swing.JLabel l, String label, Component target) {
        int at = label.indexOf('&');
        l.setText(label.replace("&", ""));
        if (at >= 0 && at + 1 < label.length()) {
            l.setDisplayedMnemonic(label.charAt(at + 1));
            l.setDisplayedMnemonicIndex(at);
        }
        l.setLabelFor(target);
    }

    /**
     * Sets a button's text from a label where {@code &} marks the mnemonic ({@code "&Replace"});
     * {@code &&} is a literal ampersand.
     */
    public static void label(AbstractButton b, String label) {
        StringBuilder text = new StringBuilder();
        int mnemonicAt = -1;
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (c == '&' && i + 1 < label.length()) {
                char n = label.charAt(++i);
                if (n != '&' && mnemonicAt < 0) {
                    mnemonicAt = text.length();
                }
                text.append(n);
            } else {
                text.append(c);
            }
        }
        b.setText(text.toString());
        if (mnemonicAt >= 0) {
            b.setMnemonic(KeyEvent.getExtendedKeyCodeForChar(text.charAt(mnemonicAt)));
            b.setDisplayedMnemonicIndex(mnemonicAt);
        } else {
            b.setMnemonic(0);
        }
    }

    /** One answer to a question: {@code id} names its button {@code <dialog name>.<id>}; {@code &} in the label marks its mnemonic. */
    public record Answer(String id, String label) {
    }

    /**
     * Asks a question and waits for the answer (modal). Enter picks {@code defaultId}; Esc and the
     * window's close box pick {@code closeId}. The dialog is named {@code name}, so tests and
     * screen readers can find it.
     *
     * @param message    plain text (wrapped here) or a component
     * @param messageType one of {@link JOptionPane}'s message types (its icon)
     * @return the chosen answer's id
     */
    public static String ask(Component owner, String name, String title, int messageType, Object message,
            String defaultId, String closeId, Answer... answers) {
        JButton[] buttons = new JButton[answers.length];
        JButton dflt = null;
        JOptionPane pane = new JOptionPane(content(owner, message), messageType, JOptionPane.DEFAULT_OPTION);
        for (int i = 0; i < answers.length; i++) {
            JButton b = new JButton();
            label(b, answers[i].label());
            b.setName(name + "." + answers[i].id());
            b.addActionListener(e -> pane.setValue(b));
            buttons[i] = b;
            if (answers[i].id().equals(defaultId)) {
                dflt = b;
            }
        }
        pane.setOptions(buttons);
        pane.setInitialValue(dflt);
        JDialog d = pane.createDialog(owner, title);
        d.setName(name);
        fitOnScreen(d, owner);
        d.setVisible(true);
        d.dispose();
        Object v = pane.getValue();
        for (int i = 0; i < answers.length; i++) {
            if (v == buttons[i]) {
                return answers[i].id();
            }
        }
        return closeId;
    }

    /**
     * Asks for one line of text, proposed and selected so that typing replaces it; empty when
     * cancelled (Esc, Cancel, the close box) or left blank. The field is {@code <name>.name}, the
     * buttons {@code <name>.ok} and {@code <name>.cancel}.
     */
    public static Optional<String> askText(Component owner, String name, String title, String prompt, String proposed) {
        JTextField field = new JTextField(proposed, 28);
        field.setName(name + ".name");
        field.selectAll();
        JPanel p = new JPanel(new MigLayout("insets 0, wrap 1",
                // columns
                "[grow, fill]",
                // rows
                "[]8[]"));
        p.add(wrapped(owner, prompt));
        p.add(field);
        // Enter in the field answers OK, like the default button.
        field.addActionListener(e -> {
            JOptionPane op = (JOptionPane) javax.swing.SwingUtilities.getAncestorOfClass(JOptionPane.class, field);
            if (op != null && op.getOptions() != null) {
                op.setValue(op.getOptions()[0]);
            }
        });
        field.addHierarchyListener(e -> {
            if (field.isShowing()) {
                javax.swing.SwingUtilities.invokeLater(field::requestFocusInWindow);
            }
        });
        String answer = ask(owner, name, title, JOptionPane.QUESTION_MESSAGE, p, "ok", "cancel",
                new Answer("ok", Messages.get("dialog.ok")), new Answer("cancel", Messages.get("dialog.cancel")));
        String t = field.getText().trim();
        return "ok".equals(answer) && !t.isEmpty() ? Optional.of(t) : Optional.empty();
    }

    /**
     * Tells that something could not be used and lists its problems: an intro, the problems in one
     * scrolling list (label font, wrapped, hanging bullets) and a closing line. Never wider or
     * taller than {@value #MAX_SCREEN_SHARE} of the screen. The dialog is named {@code name}, the
     * list {@code <name>.problems}, the button {@code <name>.ok}.
     */
    public static void problems(Component owner, String name, String title, String intro, List<String> problems, String outro) {
        Rectangle screen = usableScreen(owner);
        int maxW = (int) (screen.width * MAX_SCREEN_SHARE) - CHROME_WIDTH;
        int maxH = (int) (screen.height * MAX_SCREEN_SHARE) - CHROME_HEIGHT;

        JTextPane list = new JTextPane();
        list.setName(name + ".problems");
        list.setEditable(false);
        list.putClientProperty(JTextPane.HONOR_DISPLAY_PROPERTIES, Boolean.TRUE);
        Font font = UIManager.getFont("Label.font");
        list.setFont(font);
        StyledDocument doc = list.getStyledDocument();
        SimpleAttributeSet para = new SimpleAttributeSet();
        FontMetrics fm = list.getFontMetrics(font);
        float hang = fm.stringWidth("\u2022 ");
        StyleConstants.setLeftIndent(para, hang);
        StyleConstants.setFirstLineIndent(para, -hang);
        StyleConstants.setSpaceBelow(para, fm.getHeight() / 4f);
        StringBuilder all = new StringBuilder();
        int longest = 0;
        for (String p : problems) {
            String line = "\u2022 " + p.strip();
            all.append(all.length() == 0 ? "" : "\n").append(line);
            longest = Math.max(longest, fm.stringWidth(line));
        }
        list.setText(all.toString());
        doc.setParagraphAttributes(0, doc.getLength(), para, false);
        list.setCaretPosition(0);

        int textW = Math.min(maxW, Math.max(fm.charWidth('m') * TEXT_COLUMNS, longest + 24));
        JScrollPane scroll = new JScrollPane(list, ScrollPaneConstants.VERTICAL_SCROLLBAR_AS_NEEDED,
                ScrollPaneConstants.HORIZONTAL_SCROLLBAR_NEVER);
        list.setSize(new Dimension(textW - 4, Short.MAX_VALUE));
        int listH = list.getPreferredSize().height + 8;

        JPanel p = new JPanel(new MigLayout("insets 0, wrap 1",
                // columns
                "[" + textW + "!]",
                // rows
                "[]8[]8[]"));
        javax.swing.JTextArea introText = wrapped(owner, intro, textW);
        javax.swing.JTextArea outroText = wrapped(owner, outro, textW);
        int room = maxH - introText.getPreferredSize().height - outroText.getPreferredSize().height - 16;
        scroll.setPreferredSize(new Dimension(textW, Math.max(fm.getHeight() * 4, Math.min(listH, room))));
        scroll.setBorder(BorderFactory.createLineBorder(UIManager.getColor("Component.borderColor")));
        p.add(introText);
        p.add(scroll);
        p.add(outroText);
        ask(owner, name, title, JOptionPane.ERROR_MESSAGE, p, "ok", "ok", new Answer("ok", Messages.get("dialog.ok")));
    }

    /** A message as a component: text wraps at a readable width (never wider than the screen allows). */
    private static Object content(Component owner, Object message) {
        return message instanceof String s ? wrapped(owner, s) : message;
    }

    /** Plain text, wrapped at words, in the label font, not focusable (Enter stays with the default button). */
    public static JTextArea wrapped(Component owner, String text) {
        Font font = UIManager.getFont("Label.font");
        JTextArea probe = new JTextArea();
        FontMetrics fm = probe.getFontMetrics(font);
        int longest = 0;
        for (String line : text.split("\n", -1)) {
            longest = Math.max(longest, fm.stringWidth(line));
        }
        int maxW = Math.min(fm.charWidth('m') * TEXT_COLUMNS,
                (int) (usableScreen(owner).width * MAX_SCREEN_SHARE) - CHROME_WIDTH);
        return wrapped(owner, text, Math.min(maxW, longest + 4));
    }

    private static JTextArea wrapped(Component owner, String text, int width) {
        JTextArea a = new JTextArea(text);
        a.setEditable(false);
        a.setFocusable(false);
        a.setLineWrap(true);
        a.setWrapStyleWord(true);
        a.setOpaque(false);
        a.setBorder(null);
        a.setFont(UIManager.getFont("Label.font"));
        a.setForeground(UIManager.getColor("Label.foreground"));
        a.setSize(new Dimension(width, Short.MAX_VALUE));
        Dimension pref = a.getPreferredSize();
        a.setPreferredSize(new Dimension(width, pref.height));
        return a;
    }

    /** The screen the owner is on, less task bars. */
    public static Rectangle usableScreen(Component owner) {
        GraphicsConfiguration gc = owner != null && owner.getGraphicsConfiguration() != null
                ? owner.getGraphicsConfiguration()
                : GraphicsEnvironment.getLocalGraphicsEnvironment().getDefaultScreenDevice().getDefaultConfiguration();
        Rectangle b = gc.getBounds();
        Insets in = Toolkit.getDefaultToolkit().getScreenInsets(gc);
        return new Rectangle(b.x + in.left, b.y + in.top, b.width - in.left - in.right, b.height - in.top - in.bottom);
    }

    /** Shrinks a window to at most {@value #MAX_SCREEN_SHARE} of its screen and moves it fully onto it. */
    public static void fitOnScreen(java.awt.Window w, Component owner) {
        fitOnScreen(w, owner, MAX_SCREEN_SHARE);
    }

    /** Shrinks a window to at most {@code share} of its screen and moves it fully onto it. */
    public static void fitOnScreen(java.awt.Window w, Component owner, double share) {
        Rectangle s = usableScreen(owner);
        int maxW = (int) (s.width * share);
        int maxH = (int) (s.height * share);
        if (w.getWidth() > maxW || w.getHeight() > maxH) {
            w.setSize(Math.min(w.getWidth(), maxW), Math.min(w.getHeight(), maxH));
            w.setLocationRelativeTo(owner);
        }
        Rectangle r = w.getBounds();
        int x = Math.max(s.x, Math.min(r.x, s.x + s.width - r.width));
        int y = Math.max(s.y, Math.min(r.y, s.y + s.height - r.height));
        w.setLocation(x, y);
    }
}
