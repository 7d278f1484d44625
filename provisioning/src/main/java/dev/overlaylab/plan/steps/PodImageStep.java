package dev.overlaylab.plan.steps;

import dev.overlaylab.exec.Commands;
import dev.overlaylab.plan.Step;
import dev.overlaylab.plan.StepContext;
import dev.overlaylab.plan.StepResult;
import java.time.Duration;
import java.util.List;

/**
 * The image the verification pods run ({@code verify.image}). Lab nodes often reach no registry, so
 * when the image is missing it is made on the node from busybox-static (as LOCAL-LAB.md describes:
 * the static binary plus links, imported with {@code docker import}); only where the node has no
 * busybox is it pulled instead.
 */
public final class PodImageStep implements Step {
    static final List<String> APPLETS = List.of("sh", "ping", "ip", "sleep", "httpd", "wget", "cat", "echo", "ls");

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
        String image = Commands.quote(ctx.lab().verify().image());
        if (ctx.probe("docker image inspect " + image + " >/dev/null").ok()) {
            return StepResult.unchanged(ctx.lab().verify().image() + " present");
        }
        String links = String.join(" ", APPLETS);
        String build = "set -e; bb=$(command -v busybox); d=$(mktemp -d); trap 'rm -rf \"$d\"' EXIT;"
                + " mkdir -p \"$d/bin\" \"$d/www\" \"$d/tmp\"; cp \"$bb\" \"$d/bin/busybox\";"
                + " for a in " + links + "; do ln -s busybox \"$d/bin/$a\"; done;"
                + " tar -C \"$d\" -c . | docker import -c 'ENV PATH=/bin' - " + image + " >/dev/null";
        if (ctx.probe("command -v busybox >/dev/null && busybox --list >/dev/null").ok()
                && ctx.probe("ldd \"$(command -v busybox)\" 2>&1 | grep -q 'not a dynamic'").ok()) {
            ctx.run("sh -c " + Commands.quote(build), Duration.ofSeconds(120), "could not make the pod image from busybox",
                    "install busybox-static on the node, or set verify.image to an image the node can pull");
            return StepResult.changed("made " + ctx.lab().verify().image() + " from the node's busybox-static");
        }
        ctx.run("docker pull busybox && docker tag busybox " + image, Duration.ofMinutes(5),
                "no static busybox on the node and pulling busybox failed",
                "install busybox-static on the node (offline labs), or let the node reach a registry");
        return StepResult.changed("pulled busybox as " + ctx.lab().verify().image());
    }
}
