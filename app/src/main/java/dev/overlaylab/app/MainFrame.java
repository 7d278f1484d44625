package dev.overlaylab.app;

import dev.overlaylab.app.AppPrefs.Theme;
import dev.overlaylab.app.actions.AboutAction;
import dev.overlaylab.app.actions.NewLabAction;
import dev.overlaylab.app.actions.OpenLabAction;
import dev.overlaylab.app.actions.OpenRecentAction;
import dev.overlaylab.app.actions.QuitAction;
import dev.overlaylab.app.actions.ThemeAction;
import dev.overlaylab.app.ui.Dialogs;
import dev.overlaylab.app.ui.Messages;
import dev.overlaylab.app.ui.Worker;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.LabFileException;
import java.awt.CardLayout;
import java.awt.Dimension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javax.swing.ButtonGroup;
import javax.swing.JFrame;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JRadioButtonMenuItem;
import javax.swing.WindowConstants;
import javax.swing.event.MenuEvent;
import javax.swing.event.MenuListener;

/** The one main window: the start screen, or the open lab with its tabs. */
public final class MainFrame extends JFrame {
    private static final String START = "start";
    private static final String LAB = "lab";

    private final AppContext ctx;
    private final CardLayout cards = new CardLayout();
    private final JPanel content = new JPanel(cards);
    private final StartPanel start;
    private LabWindow labWindow;
    private Path openFile;

    public MainFrame(AppContext ctx) {
        super(Messages.get("app.title"));
        this.ctx = ctx;
        ctx.attach(this);
        setName("mainFrame");
        setDefaultCloseOperation(WindowConstants.EXIT_ON_CLOSE);
        setIconImages(java.util.List.of(
                new com.formdev.flatlaf.extras.FlatSVGIcon("dev/overlaylab/app/assets/logo.svg", 32, 32).getImage(),
                new com.formdev.flatlaf.extras.FlatSVGIcon("dev/overlaylab/app/assets/logo.svg", 64, 64).getImage()));
        start = new StartPanel(ctx);
        content.add(start, START);
        setContentPane(content);
        setJMenuBar(menuBar());
        setMinimumSize(new Dimension(900, 600));
        setSize(1280, 820);
        setLocationRelativeTo(null);
    }

    private JMenuBar menuBar() {
        JMenuBar bar = new JMenuBar();
        JMenu file = menu("menu.file");
        file.add(new JMenuItem(new NewLabAction(ctx)));
        file.add(new JMenuItem(new OpenLabAction(ctx)));
        JMenu recent = menu("menu.recent");
        recent.addMenuListener(new MenuListener() {
            @Override
            public void menuSelected(MenuEvent e) {
                recent.removeAll();
                for (Path p : ctx.prefs().recentLabs()) {
                    recent.add(new JMenuItem(new OpenRecentAction(ctx, p)));
                }
                if (recent.getItemCount() == 0) {
                    JMenuItem none = new JMenuItem(Messages.get("menu.recent.none"));
                    none.setEnabled(false);
                    recent.add(none);
                }
            }

            @Override
            public void menuDeselected(MenuEvent e) {
            }

            @Override
            public void menuCanceled(MenuEvent e) {
            }
        });
        file.add(recent);
        JMenuItem startScreen = new JMenuItem(Messages.get("menu.startScreen"));
        startScreen.addActionListener(e -> showStart());
        file.add(startScreen);
        file.addSeparator();
        file.add(new JMenuItem(new QuitAction(ctx)));
        bar.add(file);

        JMenu view = menu("menu.view");
        JMenu theme = menu("menu.theme");
        ButtonGroup group = new ButtonGroup();
        for (Theme t : Theme.values()) {
            JRadioButtonMenuItem item = new JRadioButtonMenuItem(new ThemeAction(ctx, t));
            group.add(item);
            theme.add(item);
        }
        view.add(theme);
        bar.add(view);

        JMenu help = menu("menu.help");
        help.add(new JMenuItem(new AboutAction(ctx)));
        bar.add(help);
        return bar;
    }

    private static JMenu menu(String key) {
        JMenu m = new JMenu(Messages.get(key));
        String mn = key + ".mnemonic";
        if (Messages.has(mn)) {
            m.setMnemonic(Messages.get(mn).charAt(0));
        }
        return m;
    }

    public void showStart() {
        start.refresh();
        cards.show(content, START);
        setTitle(Messages.get("app.title"));
    }

    /** Loads a lab file off the event thread, then shows it (or says precisely why it cannot). */
    public void openLab(Path file) {
        openLab(file, w -> { });
    }

    /**
     * Opens a lab as {@link #openLab(Path)} does, then hands its window to {@code then} (the lab
     * list's Provision, Verify and Diagnose); the lab already open is reused without loading it again.
     */
    public void openLab(Path file, java.util.function.Consumer<LabWindow> then) {
        if (labWindow != null && file.equals(openFile)) {
            cards.show(content, LAB);
            setTitle(Messages.format("app.title.lab", labWindow.labName()));
            then.accept(labWindow);
            return;
        }
        if (!Files.isRegularFile(file)) {
            Dialogs.ask(this, "open.missing", Messages.get("open.failed"), JOptionPane.WARNING_MESSAGE,
                    Messages.format("open.missing", file), "ok", "ok", new Dialogs.Answer("ok", Messages.get("dialog.ok")));
            ctx.prefs().removeRecent(file);
            start.refresh();
            return;
        }
        Worker.<Lab>of(() -> ctx.service().load(file), lab -> {
            if (mayCloseOpenLab(this, lab.name())) {
                showLab(file, lab, false);
                then.accept(labWindow);
            }
        }, e -> {
            List<String> problems = e instanceof LabFileException lfe
                    ? lfe.problems().stream().map(p -> dev.overlaylab.app.engine.FieldNames.line(p, true)).toList()
                    : List.of(dev.overlaylab.app.engine.UserMessages.error(e));
            Dialogs.problems(this, "open.invalid", Messages.get("open.failed"),
                    Messages.format("open.invalid.intro", file.getFileName(), file.toAbsolutePath().getParent(), problems.size()),
                    problems, Messages.get("open.invalid.outro"));
        }).execute();
    }

    /**
     * May the open lab make way for {@code next}? Yes when nothing would be lost; otherwise asks,
     * naming what would be lost, and stops the open lab's running work when the person says yes.
     * {@code owner} is the window to ask over (the wizard, when it is the one asking).
     */
    public boolean mayCloseOpenLab(java.awt.Component owner, String next) {
        if (labWindow == null) {
            return true;
        }
        List<String> lost = labWindow.unsavedWork();
        if (lost.isEmpty()) {
            return true;
        }
        String text = Messages.format("open.replace.text", labWindow.labName(), next,
                lost.stream().map(l -> "\u2022 " + l).collect(Collectors.joining("\n")));
        String answer = Dialogs.ask(owner, "open.replace", Messages.get("open.replace.title"), JOptionPane.WARNING_MESSAGE,
                text, "keep", "keep",
                new Dialogs.Answer("open", Messages.format("open.replace.open", next)),
                new Dialogs.Answer("keep", Messages.format("open.replace.keep", labWindow.labName())));
        if (!"open".equals(answer)) {
            return false;
        }
        labWindow.stopWork();
        return true;
    }

    /** Shows a loaded lab; {@code provisionNow} starts provisioning at once (the wizard's last step). */
    public void showLab(Path file, Lab lab, boolean provisionNow) {
        ctx.prefs().addRecent(file);
        if (labWindow != null) {
            labWindow.dispose();
            content.remove(labWindow);
        }
        labWindow = new LabWindow(ctx, file, lab);
        openFile = file;
        content.add(labWindow, LAB);
        cards.show(content, LAB);
        setTitle(Messages.format("app.title.lab", lab.name()));
        if (provisionNow) {
            labWindow.provision();
        }
    }

    public LabWindow labWindow() {
        return labWindow;
    }
}
