package dev.overlaylab.app.wizard;

import dev.overlaylab.app.engine.LabService;
import dev.overlaylab.app.engine.Validation;
import dev.overlaylab.render.RenderedLab;
import java.util.Optional;

/**
 * What the review step shows, computed off the event thread from one draft snapshot: the lab-file
 * text, its validation, and (when valid and the renderer is in this build) every rendered file.
 */
public record ReviewData(String yaml, Validation validation, Optional<RenderedLab> rendered, Optional<String> renderNote) {

    /** Validates and renders; blocks (engine calls), so never on the event thread. */
    public static ReviewData compute(LabService service, String yaml) {
        Validation v = service.validate(yaml, Optional.empty());
        if (!v.valid()) {
            return new ReviewData(yaml, v, Optional.empty(), Optional.empty());
        }
        try {
            return new ReviewData(yaml, v, Optional.of(service.render(v.lab().orElseThrow())), Optional.empty());
        } catch (RuntimeException e) {
            return new ReviewData(yaml, v, Optional.empty(), Optional.of(String.valueOf(e.getMessage())));
        }
    }
}
