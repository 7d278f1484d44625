package dev.overlaylab.app.life;

import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.exec.ExecRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Opens a command in a terminal window: the first terminal program found on this computer, each
 * with its own way of taking a command; when none is found the caller shows the command to copy.
 * The terminal is started detached (its own session), so closing it never touches the app.
 */
final class TerminalLauncher {

    /** A terminal program and the arguments that put a command after it. */
    record Terminal(String program, List<String> before) {
        List<String> argv(Path program, List<String> command) {
            List<String> out = new ArrayList<>();
            out.add(program.toString());
            out.addAll(before);
            out.addAll(command);
            return out;
        }
    }

    /** Debian's chosen terminal first, then the desktops' own, then xterm. */
    static final List<Terminal> KNOWN = List.of(
            new Terminal("x-terminal-emulator", List.of("-e")),
            new Terminal("gnome-terminal", List.of("--")),
            new Terminal("konsole", List.of("-e")),
            new Terminal("xfce4-terminal", List.of("-x")),
            new Terminal("mate-terminal", List.of("-x")),
            new Terminal("tilix", List.of("-e")),
            new Terminal("kitty", List.of()),
            new Terminal("alacritty", List.of("-e")),
            new Terminal("foot", List.of()),
            new Terminal("xterm", List.of("-e")));

    private final ExecRunner runner;
    private final Function<String, Optional<Path>> onPath;

    TerminalLauncher(ExecRunner runner, Function<String, Optional<Path>> onPath) {
        this.runner = runner;
        this.onPath = onPath;
    }

    /** The terminal that would be used, with its full path. */
    Optional<Found> find() {
        for (Terminal t : KNOWN) {
            Optional<Path> p = onPath.apply(t.program());
            if (p.isPresent()) {
                return Optional.of(new Found(t, p.get()));
            }
        }
        return Optional.empty();
    }

    record Found(Terminal terminal, Path path) {
    }

    /**
     * Starts {@code command} in the terminal found; returns its program name. Throws with the
     * shell's error when it could not be started.
     */
    String open(Found found, List<String> command) {
        List<String> argv = new ArrayList<>(List.of("sh", "-c", "setsid \"$@\" >/dev/null 2>&1 </dev/null & echo $!", "sh"));
        argv.addAll(found.terminal().argv(found.path(), command));
        ExecResult r = runner.run(argv, Duration.ofSeconds(10));
        if (!r.ok()) {
            throw new IllegalStateException(r.stderr().isBlank() ? "exit " + r.exitCode() : r.stderr().strip());
        }
        return found.terminal().program();
    }
}
