package dev.overlaylab.engine.kube;

import dev.overlaylab.engine.Step;
import dev.overlaylab.engine.StepContext;
import dev.overlaylab.engine.StepFailure;
import dev.overlaylab.engine.StepResult;
import dev.overlaylab.net.SubnetEnv;
import dev.overlaylab.render.RenderException;
import dev.overlaylab.render.kube.CniLease;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The CNI network containerd gives pods, written from the node's flannel lease with the template
 * {@code kube/10-olab-flannel.conflist.ftl} (render.kube.CniLease: bridge docker0, host-local in the upper
 * half of FLANNEL_SUBNET, FLANNEL_MTU). containerd reads the folder when a pod starts, so a change
 * restarts nothing.
 */
public final class CniConfigStep implements Step {
    public static final String PATH = CniLease.PATH;

    @Override
    public String name() {
        return "CNI config";
    }

    @Override
    public List<String> plan(StepContext ctx) {
        return List.of("write " + PATH + " from " + SubnetEnv.PATH + ": bridge docker0, host-local from the upper half of FLANNEL_SUBNET");
    }

    @Override
    public StepResult apply(StepContext ctx) {
        Optional<SubnetEnv> env = SubnetEnv.of(ctx.shell().read(SubnetEnv.PATH));
        if (env.isEmpty() || env.get().subnet().isEmpty()) {
            throw new StepFailure("no flannel lease on " + ctx.node().name() + " (" + SubnetEnv.PATH + ")", "cat " + SubnetEnv.PATH, "",
                    "pods take their addresses from the node's flannel subnet: run olab up again once flanneld runs");
        }
        String want;
        try {
            want = ctx.run().rendered().cni().of(ctx.node(), env.get().subnet().get(), env.get().mtu().orElse(1450));
        } catch (RenderException e) {
            throw new StepFailure("cannot render " + PATH + " for " + ctx.node().name() + ": " + e.getMessage(), "", "",
                    "correct " + CniLease.TEMPLATE + " where it came from (a templates folder's copy replaces the built-in one)");
        }
        Optional<byte[]> have = ctx.shell().read(PATH);
        if (have.isPresent() && Arrays.equals(have.get(), want.getBytes(StandardCharsets.UTF_8))) {
            return StepResult.unchanged(PATH + " up to date");
        }
        ctx.shell().write(PATH, want.getBytes(StandardCharsets.UTF_8), 0644, "root");
        return StepResult.changed("wrote " + PATH + " for " + env.get().subnet().get().normalized());
    }
}
