package dev.overlaylab.testsupport;

import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.exec.ProcessRunner;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs a main class of this test run as another user ({@code runuser -u USER}), the way a person
 * without root meets olab. The test class path (Maven's repository is under /root, which other users
 * cannot read) is copied once into a world-readable folder; {@link #close()} removes it.
 */
public final class AsUser implements AutoCloseable {
    private final Path dir;
    private final String classPath;

    private AsUser(Path dir, String classPath) {
        this.dir = dir;
        this.classPath = classPath;
    }

    /** Copies the class path of this JVM (surefire's real one when present). Needs root and runuser. */
    public static AsUser prepare() throws IOException {
        Prereq.requireRoot();
        Prereq.requireProgram("runuser");
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path dir = Files.createTempDirectory("olab-asuser-");
        List<String> entries = new ArrayList<>();
        int i = 0;
        for (String e : cp.split(File.pathSeparator)) {
            Path from = Path.of(e);
            if (!Files.exists(from)) {
                continue;
            }
            Path to = dir.resolve(i++ + "-" + from.getFileName());
            copy(from, to);
            entries.add(to.toString());
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                p.toFile().setReadable(true, false);
                if (Files.isDirectory(p)) {
                    p.toFile().setExecutable(true, false);
                }
            }
        }
        return new AsUser(dir, String.join(File.pathSeparator, entries));
    }

    private static void copy(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            Files.copy(from, to);
            return;
        }
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    /** {@code runuser -u USER -- java -cp COPY MAIN ARGS...} in {@code workDir}-independent form, with a timeout. */
    public ExecResult run(String user, String mainClass, List<String> args, Duration timeout) {
        List<String> argv = new ArrayList<>(List.of("runuser", "-u", user, "--",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1", "-cp", classPath,
                mainClass));
        argv.addAll(args);
        return new ProcessRunner().run(argv, timeout);
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
