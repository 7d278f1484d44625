package dev.overlaylab.engine.steps;

import dev.overlaylab.exec.CommandFailedException;
import dev.overlaylab.exec.Commands;
import dev.overlaylab.engine.StepFailure;
import dev.overlaylab.verify.PodImage;
import dev.overlaylab.engine.Step;
import dev.overlaylab.engine.StepContext;
import dev.overlaylab.engine.StepResult;
import java.time.Duration;
import java.util.List;

/**
 * The image the verification pods run ({@code verify.image}). Lab nodes often reach no registry, so
 * when the image is missing it is made on the node from busybox-static ({@link PodImage}: the static
 * binary plus links, imported with {@code docker import}); only where the node has no busybox is it
 * pulled instead.
 */
public final class PodImageStep implements Step {
    @Override
    public String name() {
        return "pod image";
    }

    private static boolean needed(StepContext ctx) {
        var v = ctx.lab().verify();
        return v.pods() || v.http() || v.mtuProbe();
    }

    @Override
    public List<String> plan(StepContext ctx) {
        if (!needed(ctx)) {
            return List.of("no pods in this lab's verification");
        }
        return List.of("make image " + ctx.lab().verify().image() + " from the node's busybox-static unless docker has it");
    }

    @Override
    public StepResult apply(StepContext ctx) {
        if (!needed(ctx)) {
            return StepResult.skipped("no pods in this lab's verification");
        }
        String name = ctx.lab().verify().image();
        PodImage.Outcome made;
        try {
            made = PodImage.make(ctx.shell(), name);
        } catch (CommandFailedException e) {
            throw StepFailure.command("could not make the pod image " + name + " from busybox", e.result().commandLine(), e.result(),
                    "docker must be running and /bin/busybox must be busybox-static (apt-get install busybox-static)");
        }
        if (made == PodImage.Outcome.PRESENT) {
            return StepResult.unchanged(name + " present");
        }
        if (made == PodImage.Outcome.MADE) {
            return StepResult.changed("made " + name + " from the node's busybox-static");
        }
        ctx.run("docker pull busybox && docker tag busybox " + Commands.quote(name), Duration.ofMinutes(5),
                "no busybox on the node and pulling busybox failed",
                "install busybox-static on the node (offline labs), or let the node reach a registry");
        return StepResult.changed("pulled busybox as " + name);
    }
}
