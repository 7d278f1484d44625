package dev.overlaylab.render;

import dev.overlaylab.model.Lab;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole labs rendered into the {@code olab render} folder layout and compared with golden folders,
 * so a change to any template, the model or the writer shows up as a reviewable diff.
 */
class LabGoldenTest {
    @TempDir
    Path out;

    @Test
    void twoNodeVboxLabMatchesItsGoldenFolder() throws Exception {
        renderAndCompare(TestLabs.twoNodeVbox());
    }

    @Test
    void twoNodeLocalLabMatchesItsGoldenFolder() throws Exception {
        renderAndCompare(TestLabs.twoNodeLocal());
    }

    @Test
    void threeNodeHostGwLabMatchesItsGoldenFolder() throws Exception {
        renderAndCompare(TestLabs.threeNodeHostGw());
    }

    private void renderAndCompare(Lab lab) throws Exception {
        RenderedLabWriter.write(Renderer.builtIn().render(lab, TestLabs.profileOf(lab)), out);
        Golden.assertTreeMatches("labs/" + lab.name(), out);
    }
}
