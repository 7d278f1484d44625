package dev.overlaylab.app.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.overlaylab.engine.Failure;
import dev.overlaylab.engine.RunResult;
import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.exec.ExecRunner;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.LabWriter;
import dev.overlaylab.progress.ProgressEvent;
import dev.overlaylab.progress.ProgressEvent.Status;
import dev.overlaylab.progress.ProgressListener;
import dev.overlaylab.ssh.AppDataDir;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The part of a local lab that needs root, run by the desktop app (as a normal user) as its own
 * {@code olab up|down LAB --json} under pkexec or sudo ({@link RootAccess}). The child's JSON lines
 * are the engine's own progress events, handed on as they arrive, so the progress view shows them
 * as it shows an in-process run. {@code --data-dir} gives the child this user's data folder: the
 * lab key root makes is the person's (see {@code OnBehalf}), so Verify and Diagnose reach the nodes.
 */
public final class PrivilegedOlab {
    /** The first up builds the node image (minutes); a lab's up is well under this. */
    static final Duration TIMEOUT = Duration.ofMinutes(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExecRunner runner;
    private final RootAccess access;
    private final List<String> launcher;
    private final Path dataDir;

    /**
     * @param launcher this app's own command line ({@link #thisLauncher()})
     * @param dataDir  this user's Overlay Lab folder, where the lab's keys are kept
     */
    public PrivilegedOlab(ExecRunner runner, RootAccess access, List<String> launcher, Path dataDir) {
        this.runner = runner;
        this.access = access;
        this.launcher = List.copyOf(launcher);
        this.dataDir = dataDir;
    }

    /**
     * This app's own command line, absolute (pkexec wants a full path): the packaged app's launcher
     * ({@code jpackage.app-path}), else this Java with this class path and the app's main class.
     */
    public static List<String> thisLauncher() {
        String app = System.getProperty("jpackage.app-path", "");
        if (!app.isBlank()) {
            return List.of(Path.of(app).toAbsolutePath().toString());
        }
        String javaBin = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> cp = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            cp.add(Path.of(e).toAbsolutePath().toString());
        }
        return List.of(javaBin, "-cp", String.join(File.pathSeparator, cp), "dev.overlaylab.app.Main");
    }

    /** {@code olab [--data-dir DIR] up LAB --json [--from STAGE]}, wrapped to run as root. */
    List<String> upCommand(Path labFile, Optional<String> from) {
        List<String> args = new ArrayList<>(List.of("up", labFile.toString(), "--json"));
        from.ifPresent(s -> args.addAll(List.of("--from", s)));
        return command(args);
    }

    List<String> downCommand(Path labFile) {
        return command(List.of("down", labFile.toString(), "--json"));
    }

    private List<String> command(List<String> args) {
        List<String> olab = new ArrayList<>(launcher);
        olab.addAll(List.of(OnBehalf.DATA_DIR_OPTION, dataDir.toString()));
        olab.addAll(args);
        return access.wrap(olab);
    }

    public RunSummary up(Lab lab, Optional<String> from, ProgressListener progress) throws InterruptedException {
        return run(lab, file -> upCommand(file, from), progress, "up");
    }

    public RunSummary down(Lab lab, ProgressListener progress) throws InterruptedException {
        RunSummary s = run(lab, this::downCommand, progress, "down");
        return s.ok() ? new RunSummary(true, "lab " + lab.name() + " removed") : s;
    }

    private RunSummary run(Lab lab, java.util.function.Function<Path, List<String>> command, ProgressListener progress, String what)
            throws InterruptedException {
        try {
            // made by the person, so root does not make (and own) ~/.local or ~/.local/share on the way
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + dataDir + " for the lab's keys: " + e.getMessage(), e);
        }
        LabFile file = LabFile.of(lab);
        try {
            AtomicReference<JsonNode> summary = new AtomicReference<>();
            ExecResult r = runner.stream(command.apply(file.path()), access.env(), TIMEOUT, line -> {
                JsonNode n = parse(line);
                if (n == null) {
                    return;
                }
                if ("summary".equals(n.path("type").asText())) {
                    summary.set(n);
                } else if ("event".equals(n.path("type").asText())) {
                    progress.on(event(n));
                }
            });
            if (r.exitCode() == 130 && Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("cancelled");
            }
            if (summary.get() != null) {
                return summaryOf(summary.get(), what);
            }
            throw new IllegalStateException(ChildFailure.explain(access.way(), what, r));
        } finally {
            file.close();
        }
    }

    /** One JSON line of the child; anything else (a log line) is not the app's business. */
    static JsonNode parse(String line) {
        if (!line.startsWith("{")) {
            return null;
        }
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            return null;
        }
    }

    /** The child's {@code --json} event, back as the engine's progress event (ProgressPrinter.JsonLines writes it). */
    static ProgressEvent event(JsonNode n) {
        Status status;
        try {
            status = Status.valueOf(n.path("status").asText());
        } catch (IllegalArgumentException e) {
            status = Status.PROGRESS;
        }
        return new ProgressEvent(n.path("stage").asText(), n.path("node").asText(), n.path("step").asText(), status,
                Duration.ofMillis(n.path("durationMs").asLong()), n.path("message").asText());
    }

    /** The child's closing summary as the same one line an in-process run gives ({@link RunResult#summary()}). */
    static RunSummary summaryOf(JsonNode n, String what) {
        if (!n.has("changed")) {   // down's summary: ok, and nothing else
            return new RunSummary(n.path("ok").asBoolean(), what + (n.path("ok").asBoolean() ? ": done" : ": failed"));
        }
        List<Failure> failures = new ArrayList<>();
        n.path("failures").forEach(f -> failures.add(new Failure(f.path("stage").asText(), f.path("node").asText(),
                f.path("step").asText(), f.path("what").asText(), f.path("command").asText(), f.path("evidence").asText(),
                f.path("fix").asText())));
        List<String> restarts = new ArrayList<>();
        n.path("restarts").forEach(x -> restarts.add(x.asText()));
        RunResult r = new RunResult(failures, n.path("changed").asInt(), n.path("unchanged").asInt(), restarts,
                Duration.ofMillis(n.path("durationMs").asLong()));
        return new RunSummary(r.ok(), r.summary());
    }

    /** The lab as the child reads it: its own file when it has one (relative paths in it resolve there), else a copy. */
    private record LabFile(Path path, boolean temporary) implements AutoCloseable {
        static LabFile of(Lab lab) {
            if (lab.source().isPresent()) {
                return new LabFile(lab.source().get().toAbsolutePath(), false);
            }
            try {
                Path tmp = Files.createTempFile("olab-" + lab.name() + "-", ".yaml");
                Files.writeString(tmp, LabWriter.toYaml(lab));
                return new LabFile(tmp, true);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the lab for olab to read: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            if (temporary) {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // a temporary file left in /tmp; nothing a person needs to act on
                }
            }
        }
    }

    /** This user's data folder, as the in-process engine would use it. */
    public static Path userDataDir() {
        return AppDataDir.resolve();
    }
}
