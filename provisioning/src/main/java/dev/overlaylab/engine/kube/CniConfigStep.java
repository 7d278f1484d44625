package dev.overlaylab.engine.kube;

import dev.overlaylab.engine.Step;
import dev.overlaylab.engine.StepContext;
import dev.overlaylab.engine.StepFailure;
import dev.overlaylab.engine.StepResult;
import dev.overlaylab.model.Cidr;
import dev.overlaylab.net.SubnetEnv;
import dev.overlaylab.node.NodeLayout;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The CNI network containerd gives pods, written from the node's flannel lease: Debian's bridge plugin on
 * docker0 (pods and docker's containers share the node's flannel subnet, as in the seeds), addresses from
 * host-local in the upper half of FLANNEL_SUBNET (docker hands out the lower half), FLANNEL_MTU. containerd
 * reads the folder when a pod starts, so a change restarts nothing.
 */
public final class CniConfigStep implements Step {
    public static final String PATH = "/etc/cni/net.d/10-olab-flannel.conflist";

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
        String want = conflist(ctx.lab().name(), env.get().subnet().get(), env.get().mtu().orElse(1450));
        Optional<byte[]> have = ctx.shell().read(PATH);
        if (have.isPresent() && Arrays.equals(have.get(), want.getBytes(StandardCharsets.UTF_8))) {
            return StepResult.unchanged(PATH + " up to date");
        }
        ctx.shell().write(PATH, want.getBytes(StandardCharsets.UTF_8), 0644, "root");
        return StepResult.changed("wrote " + PATH + " for " + env.get().subnet().get().normalized());
    }

    /** The conflist for a node whose docker0 is {@code subnet} (FLANNEL_SUBNET, e.g. 10.81.35.1/24). */
    static String conflist(String lab, Cidr subnet, int mtu) {
        Cidr net = subnet.normalized();
        long half = net.size() / 2;
        String gateway = Cidr.formatAddress(subnet.address());
        String start = Cidr.formatAddress(net.nthAddress(half));
        String end = Cidr.formatAddress(net.nthAddress(net.size() - 2));
        // JSON has no comments: the marker is a field CNI ignores
        return "{\n"
                + "  \"cniVersion\": \"1.0.0\",\n"
                + "  \"name\": \"olab-flannel\",\n"
                + "  \"_comment\": \"" + NodeLayout.labMarker(lab) + " from " + SubnetEnv.PATH + "): edits are overwritten by olab up\",\n"
                + "  \"plugins\": [\n"
                + "    {\n"
                + "      \"type\": \"bridge\",\n"
                + "      \"bridge\": \"docker0\",\n"
                + "      \"isGateway\": true,\n"
                + "      \"ipMasq\": false,\n"
                + "      \"hairpinMode\": true,\n"
                + "      \"mtu\": " + mtu + ",\n"
                + "      \"ipam\": {\n"
                + "        \"type\": \"host-local\",\n"
                + "        \"ranges\": [[{\"subnet\": \"" + net + "\", \"rangeStart\": \"" + start + "\", \"rangeEnd\": \"" + end
                + "\", \"gateway\": \"" + gateway + "\"}]],\n"
                + "        \"routes\": [{\"dst\": \"0.0.0.0/0\"}]\n"
                + "      }\n"
                + "    },\n"
                + "    {\"type\": \"portmap\", \"capabilities\": {\"portMappings\": true}}\n"
                + "  ]\n"
                + "}\n";
    }
}
