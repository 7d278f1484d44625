package dev.overlaylab.ssh;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/** Temp folders of these tests live under /tmp/olt-s-* (this helper's assigned prefix), removed by JUnit. */
public final class OltTempDir implements TempDirFactory {
    @Override
    public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext context) throws Exception {
        return Files.createTempDirectory(Path.of("/tmp"), "olt-s-");
    }
}
