package dev.overlaylab.app;

import dev.overlaylab.app.engine.OnBehalf;
import dev.overlaylab.app.ui.Themes;
import dev.overlaylab.cli.LogSetup;
import dev.overlaylab.cli.Olab;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.swing.SwingUtilities;

/**
 * The single entry point behind {@code ./olab}: no arguments (or {@code gui}) opens the desktop app,
 * {@code gui FILE} or a lone lab file opens that lab in it (see {@link LaunchArgs}), anything else is
 * the command line.
 *
 * <p>{@code -Dolab.startupTiming=true} prints the time from JVM start to the first window on
 * stderr: {@code olab: first window after N ms (JVM start) / M ms (main)}.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        LogSetup.bindWithoutSearching();
        // olab run as root for the app's user (pkexec/sudo): their data folder, then theirs again (OnBehalf)
        java.util.Optional<OnBehalf> onBehalf;
        try {
            onBehalf = OnBehalf.from(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("olab: " + e.getMessage());
            System.exit(Olab.EXIT_BAD_INPUT);
            return;
        }
        if (onBehalf.isPresent()) {
            onBehalf.get().apply();
            int code = Olab.execute(OnBehalf.rest(args));
            onBehalf.get().handOver();
            System.exit(code);
        }
        LaunchArgs launch = LaunchArgs.parse(args);
        if (launch.gui()) {
            openApp(launch.lab());
            return;
        }
        System.exit(Olab.execute(args));
    }

    private static void openApp(Optional<Path> lab) {
        long mainStart = System.nanoTime();
        boolean timing = Boolean.getBoolean("olab.startupTiming");
        SwingUtilities.invokeLater(() -> {
            AppContext ctx = AppContext.real(AppPrefs.forUser());
            Themes.install(ctx.prefs().theme());
            MainFrame frame = new MainFrame(ctx);
            if (timing) {
                frame.addWindowListener(new WindowAdapter() {
                    @Override
                    public void windowOpened(WindowEvent e) {
                        // After the first paint has been queued: report once the frame has painted.
                        SwingUtilities.invokeLater(() -> reportStartup(mainStart));
                    }
                });
            }
            frame.setVisible(true);
            // relative to where it was started; openLab says so when the file is missing or not a lab
            lab.ifPresent(file -> frame.openLab(file.toAbsolutePath()));
        });
    }

    private static void reportStartup(long mainStart) {
        long sinceMain = Duration.ofNanos(System.nanoTime() - mainStart).toMillis();
        String sinceJvm = ProcessHandle.current().info().startInstant()
                .map(t -> Duration.between(t, Instant.now()).toMillis() + " ms (JVM start)")
                .orElse("? ms (JVM start)");
        System.err.println("olab: first window after " + sinceJvm + " / " + sinceMain + " ms (main)");
        if (Boolean.getBoolean("olab.exitAfterStartup")) {
            System.exit(0);
        }
    }
}
