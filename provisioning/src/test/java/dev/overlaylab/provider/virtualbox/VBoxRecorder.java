package dev.overlaylab.provider.virtualbox;

import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.exec.ExecRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Passes VBoxManage calls through to the real runner and keeps every result, so a test against the
 * real VirtualBox can save what it printed as a fixture. Saving happens only with the recording
 * switch {@code OLAB_VBOX_RECORD=DIR}: the text goes to {@code DIR/<version>/<file>} unchanged, to be
 * reviewed and copied into {@code src/test/resources/virtualbox/}.
 */
final class VBoxRecorder implements ExecRunner {
    private final ExecRunner real;
    private final List<ExecResult> results = new ArrayList<>();

    VBoxRecorder(ExecRunner real) {
        this.real = real;
    }

    @Override
    public synchronized ExecResult run(List<String> argv, Map<String, String> extraEnv, Duration timeout) {
        ExecResult r = real.run(argv, extraEnv, timeout);
        results.add(r);
        return r;
    }

    synchronized int calls() {
        return results.size();
    }

    /** The newest result of a call whose arguments (after the program) start with {@code args}. */
    synchronized ExecResult last(String... args) {
        for (int i = results.size() - 1; i >= 0; i--) {
            List<String> a = results.get(i).argv();
            if (a.size() > args.length && a.subList(1, args.length + 1).equals(List.of(args))) {
                return results.get(i);
            }
        }
        throw new AssertionError("no call recorded: VBoxManage " + String.join(" ", args));
    }

    static Optional<Path> target() {
        String dir = System.getenv("OLAB_VBOX_RECORD");
        return dir == null || dir.isBlank() ? Optional.empty() : Optional.of(Path.of(dir));
    }

    /** Saves {@code text} as fixture {@code file} of {@code version} when recording is switched on. */
    static void save(VBoxVersion version, String file, String text) {
        target().ifPresent(dir -> {
            try {
                Path d = Files.createDirectories(dir.resolve(version.toString()));
                Files.writeString(d.resolve(file), text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
