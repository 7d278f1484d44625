package dev.overlaylab.cli;

import dev.overlaylab.model.Lab;
import dev.overlaylab.plan.Engine;
import dev.overlaylab.plan.LabInspector;
import dev.overlaylab.provider.Providers;
import dev.overlaylab.provider.hosts.PasswordPrompt;
import dev.overlaylab.render.RenderedLab;

/**
 * The desktop app's way to the same real parts the command line uses: a public view of
 * {@link Wiring}, so the GUI and the CLI can never be wired differently.
 */
public final class EngineParts {
    private EngineParts() {
    }

    public static Providers providers(PasswordPrompt prompt) {
        return Wiring.providers(prompt);
    }

    public static RenderedLab render(Lab lab) {
        return Wiring.render(lab);
    }

    public static Engine engine() {
        return Wiring.engine();
    }

    public static LabInspector inspector() {
        return new LabInspector(Wiring.shells());
    }
}
