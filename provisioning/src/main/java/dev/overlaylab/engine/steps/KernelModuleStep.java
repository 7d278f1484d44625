package dev.overlaylab.engine.steps;

import dev.overlaylab.engine.Step;
import dev.overlaylab.engine.StepContext;
import dev.overlaylab.engine.StepFailure;
import dev.overlaylab.engine.StepResult;
import java.util.List;

/**
 * The vxlan backend needs the {@code vxlan} kernel module. In nspawn containers the kernel (and so
 * the module) belongs to the host and modprobe cannot run, so when loading fails the step probes
 * whether a vxlan device can be created at all and reports that instead. The three tries are one exec
 * ({@link #CHECK}): on nspawn nodes the first two always fail, and three round trips were 0.2 s of every up.
 */
public final class KernelModuleStep implements Step {
    static final String PROBE = "ip link add olab-vxprobe type vxlan id 4242 dstport 4789 && ip link del olab-vxprobe";
    /** Prints which try worked ({@code loaded}, {@code modprobe}, {@code works}); exits 1 with their errors when none did. */
    public static final String CHECK = "if test -d /sys/module/vxlan; then echo loaded; elif modprobe vxlan; then echo modprobe; elif "
            + PROBE + "; then echo works; else exit 1; fi";

    @Override
    public String name() {
        return "kernel modules";
    }

    private static boolean needsVxlan(StepContext ctx) {
        return "vxlan".equalsIgnoreCase(ctx.lab().flannel().backend().type());
    }

    @Override
    public List<String> plan(StepContext ctx) {
        return needsVxlan(ctx) ? List.of("modprobe vxlan unless /sys/module/vxlan exists") : List.of("none needed for backend " + ctx.lab().flannel().backend().type());
    }

    @Override
    public StepResult apply(StepContext ctx) {
        if (!needsVxlan(ctx)) {
            return StepResult.skipped("backend " + ctx.lab().flannel().backend().type() + " needs no module");
        }
        var r = ctx.probe(CHECK);
        String tried = r.ok() ? r.stdout().strip().replaceAll("(?s).*\n", "") : "";
        switch (tried) {
            case "loaded":
                return StepResult.unchanged("vxlan loaded");
            case "modprobe":
                return StepResult.changed("loaded vxlan");
            case "works":
                return StepResult.unchanged("vxlan devices work (module provided by the host kernel)");
            default:
                throw StepFailure.command("the vxlan kernel module is not available", CHECK, r,
                        "load it on the machine that owns the kernel (for local nspawn nodes: modprobe vxlan on the host), or use backend udp");
        }
    }
}
