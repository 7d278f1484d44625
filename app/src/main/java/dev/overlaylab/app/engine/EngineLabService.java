package dev.overlaylab.app.engine;

import dev.overlaylab.model.Lab;
import dev.overlaylab.model.LabFileException;
import dev.overlaylab.model.LabLoader;
import dev.overlaylab.plan.ProgressListener;
import dev.overlaylab.provider.Provider;
import dev.overlaylab.render.RenderedLab;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * {@link LabService} backed by the real engine in {@code provisioning}. Each method calls the engine
 * piece that does the work; pieces not in this build answer {@link NotAvailableYetException}.
 */
public final class EngineLabService implements LabService {

    /** Provider ids documented in ARCHITECTURE.md, in the order the wizard lists them. */
    static final List<String> KNOWN_PROVIDERS = List.of("local", "virtualbox", "virtualbox-soap", "hosts");

    /** Profiles documented for vm-profiles/ (issue 2). */
    static final List<String> KNOWN_PROFILES = List.of("debian-12-nspawn", "debian-12", "ubuntu-22.04", "ubuntu-16.04");

    private static final Map<Feature, String> MISSING = Map.of(
            Feature.RENDER, "Rendering is not in this build yet (the renderer has not landed).",
            Feature.UP, "Provisioning is not in this build yet (the engine has not landed).",
            Feature.VERIFY, "Verification is not in this build yet (the verifier has not landed).",
            Feature.DIFF, "Diff against live nodes is not in this build yet (the engine has not landed).",
            Feature.PUSH, "Push and restart is not in this build yet (the engine has not landed).");

    @Override
    public List<ProviderChoice> providers() {
        Map<String, Provider> found = new LinkedHashMap<>();
        for (Provider p : ServiceLoader.load(Provider.class)) {
            found.put(p.id(), p);
        }
        List<ProviderChoice> out = new ArrayList<>();
        for (String id : KNOWN_PROVIDERS) {
            Provider p = found.remove(id);
            out.add(p == null
                    ? new ProviderChoice(id, Optional.of("The " + id + " provider is not part of this build yet."))
                    : new ProviderChoice(id, p.unavailableReason()));
        }
        found.values().forEach(p -> out.add(new ProviderChoice(p.id(), p.unavailableReason())));
        return out;
    }

    @Override
    public List<String> profiles(String provider) {
        // docs/lab-file.md: profiles ending in -nspawn are for the local provider only, and it takes only those.
        boolean local = "local".equals(provider);
        return KNOWN_PROFILES.stream().filter(p -> p.endsWith("-nspawn") == local).toList();
    }

    @Override
    public Optional<String> unavailable(Feature feature) {
        return Optional.ofNullable(MISSING.get(feature));
    }

    @Override
    public Validation validate(String yaml, Optional<Path> source) {
        try {
            return Validation.ok(LabLoader.parse(yaml, source));
        } catch (LabFileException e) {
            return Validation.failed(e.problems());
        }
    }

    @Override
    public Lab load(Path file) throws LabFileException {
        return LabLoader.load(file);
    }

    @Override
    public RenderedLab render(Lab lab) throws NotAvailableYetException {
        throw missing(Feature.RENDER);
    }

    @Override
    public void up(Lab lab, Optional<String> fromStage, ProgressListener progress) throws NotAvailableYetException {
        throw missing(Feature.UP);
    }

    @Override
    public VerifyOutcome verify(Lab lab, Optional<CheckResult> only, ProgressListener progress)
            throws NotAvailableYetException {
        throw missing(Feature.VERIFY);
    }

    @Override
    public List<NodeDiff> diff(Lab lab) throws NotAvailableYetException {
        throw missing(Feature.DIFF);
    }

    @Override
    public void push(Lab lab, ProgressListener progress) throws NotAvailableYetException {
        throw missing(Feature.PUSH);
    }

    private static NotAvailableYetException missing(Feature f) {
        return new NotAvailableYetException(f, MISSING.get(f));
    }
}
