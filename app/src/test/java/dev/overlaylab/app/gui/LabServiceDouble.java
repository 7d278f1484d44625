package dev.overlaylab.app.gui;

import dev.overlaylab.app.engine.CheckResult;
import dev.overlaylab.app.engine.LabService;
import dev.overlaylab.app.engine.NodeDiff;
import dev.overlaylab.app.engine.ProviderChoice;
import dev.overlaylab.app.engine.RunSummary;
import dev.overlaylab.app.engine.Validation;
import dev.overlaylab.app.engine.VerifyOutcome;
import dev.overlaylab.model.Lab;
import dev.overlaylab.progress.ProgressListener;
import dev.overlaylab.render.RenderedLab;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A hand-written {@link LabService} for GUI tests of one screen: no providers or profiles, and every
 * engine call the screen under test should not make fails loudly. Each test's double overrides
 * only what its screen uses.
 */
abstract class LabServiceDouble implements LabService {

    @Override
    public List<ProviderChoice> providers() {
        return List.of();
    }

    @Override
    public List<String> profiles(String provider) {
        return List.of();
    }

    @Override
    public Validation validate(String yaml, Optional<Path> source) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Lab load(Path file) throws dev.overlaylab.model.LabFileException {
        throw new UnsupportedOperationException();
    }

    @Override
    public RenderedLab render(Lab lab) {
        throw new UnsupportedOperationException();
    }

    @Override
    public RunSummary up(Lab lab, Optional<String> fromStage, ProgressListener progress) throws Exception {
        throw new UnsupportedOperationException();
    }

    @Override
    public VerifyOutcome verify(Lab lab, Optional<CheckResult> only, ProgressListener progress) throws Exception {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<NodeDiff> diff(Lab lab) throws Exception {
        throw new UnsupportedOperationException();
    }

    @Override
    public RunSummary down(Lab lab, ProgressListener progress) throws Exception {
        throw new UnsupportedOperationException();
    }

    @Override
    public RunSummary push(Lab lab, ProgressListener progress) throws Exception {
        throw new UnsupportedOperationException();
    }
}
