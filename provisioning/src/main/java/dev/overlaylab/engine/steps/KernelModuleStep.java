package dev.overlaylab.engine.steps;

import dev.overlaylab.engine.Step;
import dev.overlaylab.engine.StepContext;
import dev.overlaylab.engine.StepFailure;
import dev.overlaylab.engine.StepResult;
import java.util.List;

/**
 * The vxlan backend needs the {@code vxlan} kernel module. In nspawn containers the kernel (and so
 * the module) belongs to the host and modprobe cannot run, so when loading fails the step probes
 * whether a vxlan device can be created at all and reports that instead.
 */
public final class KernelModuleStep implements Step {
    static final String PROBE = "ip link add olab-vxprobe type vxlan id 4242 dstport 4789 && ip link del olab-vxprobe";

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
        if (ctx.probe("test -d /sys/module/vxlan").ok()) {
            return StepResult.unchanged("vxlan loaded");
        }
        var load = ctx.probe("modprobe vxlan");
        if (load.ok()) {
            return StepResult.changed("loaded vxlan");
        }
        if (ctx.probe(PROBE).ok()) {
            return StepResult.unchanged("vxlan devices work (module provided by the host kernel)");
        }
        throw StepFailure.command("the vxlan kernel module is not available", "modprobe vxlan", load,
                "load it on the machine that owns the kernel (for local nspawn nodes: modprobe vxlan on the host), or use backend udp");
    }
}
