package dev.overlaylab.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Golden files under {@code src/test/resources/golden}. Compared byte for byte; run the tests with
 * {@code -Dgolden.update=true} to rewrite them from the current output (then review the diff).
 */
final class Golden {
    static final Path ROOT = Path.of(System.getProperty("basedir", "."), "src", "test", "resources", "golden");
    static final boolean UPDATE = Boolean.getBoolean("golden.update");

    private Golden() {
    }

    /** {@code actual} equals the golden file at {@code relative} (e.g. {@code templates/etcd-default.golden}). */
    static void assertMatches(String relative, String actual) {
        Path golden = ROOT.resolve(relative);
        try {
            if (UPDATE) {
                Files.createDirectories(golden.getParent());
                Files.writeString(golden, actual, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(golden)) {
                fail("no golden file " + golden + "; create it with -Dgolden.update=true and review it");
            }
            assertThat(actual).as("rendered output vs golden file %s (rewrite with -Dgolden.update=true)", golden)
                    .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tree under {@code actualDir} has exactly the files of {@code golden/relative}, with the same bytes. */
    static void assertTreeMatches(String relative, Path actualDir) {
        Path goldenDir = ROOT.resolve(relative);
        try {
            if (UPDATE) {
                deleteTree(goldenDir);
                for (String f : files(actualDir)) {
                    Path target = goldenDir.resolve(f);
                    Files.createDirectories(target.getParent());
                    Files.copy(actualDir.resolve(f), target);
                }
                return;
            }
            if (!Files.isDirectory(goldenDir)) {
                fail("no golden folder " + goldenDir + "; create it with -Dgolden.update=true and review it");
            }
            assertThat(files(actualDir)).as("files rendered vs golden folder %s", goldenDir)
                    .containsExactlyElementsOf(files(goldenDir));
            for (String f : files(goldenDir)) {
                assertThat(Files.readString(actualDir.resolve(f)))
                        .as("%s vs golden %s (rewrite with -Dgolden.update=true)", f, goldenDir.resolve(f))
                        .isEqualTo(Files.readString(goldenDir.resolve(f)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every regular file under {@code dir}, as sorted relative paths with '/' separators. */
    static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
