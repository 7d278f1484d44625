package dev.overlaylab.engine;

import static dev.overlaylab.engine.Stage.Scope.ALL_NODES;
import static dev.overlaylab.engine.Stage.Scope.ETCD_NODES;
import static dev.overlaylab.engine.Stage.Scope.LAB;

import dev.overlaylab.engine.steps.DaemonReloadStep;
import dev.overlaylab.engine.steps.Docker0SubnetStep;
import dev.overlaylab.engine.steps.EtcdHealthyStep;
import dev.overlaylab.engine.steps.FlannelBinaryStep;
import dev.overlaylab.engine.steps.HostOnlyAddressStep;
import dev.overlaylab.engine.steps.HostOnlyNicStep;
import dev.overlaylab.engine.steps.HostnameStep;
import dev.overlaylab.engine.steps.KernelModuleStep;
import dev.overlaylab.engine.steps.NetworkConfigStep;
import dev.overlaylab.engine.steps.OldBackendStep;
import dev.overlaylab.engine.steps.PackagesStep;
import dev.overlaylab.engine.steps.PodImageStep;
import dev.overlaylab.engine.steps.ProviderEndpointsStep;
import dev.overlaylab.engine.steps.ProviderUpStep;
import dev.overlaylab.engine.steps.ServicesStep;
import dev.overlaylab.engine.steps.SshLoginStep;
import dev.overlaylab.engine.steps.StaleConntrackStep;
import dev.overlaylab.engine.steps.StopStaleDockerStep;
import dev.overlaylab.engine.steps.SubnetEnvStep;
import dev.overlaylab.engine.steps.VerifyStep;
import dev.overlaylab.engine.steps.WriteFilesStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Locale;

/**
 * Every pipeline, in one place, in the seeds' order: nodes → base → etcd → network config →
 * flanneld → docker → verify. Read top to bottom; each line is one small step class.
 */
public final class Pipelines {
    private Pipelines() {
    }

    /** What {@code olab apply --only X} pushes. */
    public enum Component {
        ETCD, FLANNEL, DOCKER;

        public static Component parse(String s) {
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "etcd" -> ETCD;
                case "flannel", "flanneld" -> FLANNEL;
                case "docker" -> DOCKER;
                default -> throw new IllegalArgumentException("unknown component '" + s + "': expected etcd, flannel or docker");
            };
        }
    }

    /** {@code olab up}: the whole lab, from nodes to verification. */
    public static List<Stage> up() {
        return List.of(
                Stage.of("nodes", LAB, new ProviderUpStep()),
                Stage.of("nodes", ALL_NODES, new SshLoginStep()),
                base(),
                etcd(),
                networkConfig(),
                flanneld(),
                docker(),
                KubernetesStages.binaries(),
                KubernetesStages.controlPlane(),
                KubernetesStages.kubelet(),
                KubernetesStages.nodesReady(),
                Stage.of("verify", LAB, new VerifyStep()));
    }

    /** {@code stages} without the Kubernetes ones when the lab has no {@code kubernetes:} section. */
    public static List<Stage> forLab(List<Stage> stages, dev.overlaylab.model.Lab lab) {
        return lab.kubernetes().isPresent() ? stages
                : stages.stream().filter(s -> !KubernetesStages.IDS.contains(s.id())).toList();
    }

    /** {@code olab apply --only X}: a running lab's one component, files then restarts of what reads them. */
    public static List<Stage> apply(Component only) {
        List<Stage> stages = new ArrayList<>(List.of(
                Stage.of("nodes", LAB, new ProviderEndpointsStep()),
                Stage.of("nodes", ALL_NODES, new SshLoginStep())));
        switch (only) {
            case ETCD -> stages.add(etcd());
            case FLANNEL -> {
                stages.add(networkConfig());
                stages.add(flanneld());
                stages.add(docker()); // see push(): a flanneld restart stops docker
            }
            case DOCKER -> stages.add(docker());
            default -> throw new IllegalArgumentException(String.valueOf(only));
        }
        return stages;
    }

    /**
     * Pushing what differs on a running lab ({@code olab apply LAB}, the app's Push): the changed
     * components' stages in stage order, each writing its files and restarting what reads them.
     */
    public static List<Stage> push(Set<Component> changed) {
        List<Stage> stages = new ArrayList<>(List.of(
                Stage.of("nodes", LAB, new ProviderEndpointsStep()),
                Stage.of("nodes", ALL_NODES, new SshLoginStep())));
        if (changed.contains(Component.ETCD)) {
            stages.add(etcd());
        }
        if (changed.contains(Component.FLANNEL)) {
            stages.add(networkConfig());
            stages.add(flanneld());
        }
        // docker's drop-in Requires= flanneld and reads its subnet.env: a flanneld restart stops docker, and a
        // backend switch changes FLANNEL_MTU. The docker stage starts it again (restarting only what it owes).
        if (changed.contains(Component.DOCKER) || changed.contains(Component.FLANNEL)) {
            stages.add(docker());
        }
        return stages;
    }

    /**
     * "Retry from here" ({@code olab up LAB --from STAGE}, the app's button on a failed stage): the
     * node stages, which find the nodes again and are quick on a running lab, then {@code stageId}
     * and every stage after it.
     *
     * @throws IllegalArgumentException for a stage {@code up} does not have, naming the ones it has
     */
    public static List<Stage> upFrom(String stageId) {
        List<Stage> all = up();
        int from = -1;
        for (int i = 0; i < all.size() && from < 0; i++) {
            if (all.get(i).id().equals(stageId)) {
                from = i;
            }
        }
        if (from < 0) {
            throw new IllegalArgumentException("no stage '" + stageId + "': up has "
                    + String.join(", ", all.stream().map(Stage::id).distinct().toList()));
        }
        List<Stage> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (i >= from || all.get(i).id().equals("nodes")) {
                out.add(all.get(i));
            }
        }
        return out;
    }

    /**
     * {@code olab up LAB --until STAGE}: {@code up}'s stages up to and including {@code stageId}, e.g.
     * {@code --until nodes} boots the machines and stops, for someone who then follows the seeds by
     * hand (and for the benchmark, which times that against olab from the same booted nodes).
     *
     * @throws IllegalArgumentException for a stage {@code up} does not have, naming the ones it has
     */
    public static List<Stage> upUntil(String stageId) {
        List<Stage> all = up();
        int last = -1;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id().equals(stageId)) {
                last = i;
            }
        }
        if (last < 0) {
            throw new IllegalArgumentException("no stage '" + stageId + "': up has "
                    + String.join(", ", all.stream().map(Stage::id).distinct().toList()));
        }
        return List.copyOf(all.subList(0, last + 1));
    }

    static Stage base() {
        return Stage.of("base", ALL_NODES,
                new HostnameStep(),
                new PackagesStep(),
                new HostOnlyNicStep(),
                new WriteFilesStep("network"),
                new DaemonReloadStep(),
                new ServicesStep("network", null),
                new HostOnlyAddressStep(),
                new FlannelBinaryStep(),
                new KernelModuleStep());
    }

    static Stage etcd() {
        return Stage.of("etcd", ETCD_NODES,
                new WriteFilesStep("etcd"),
                new DaemonReloadStep(),
                new ServicesStep("etcd", "etcd"),
                new EtcdHealthyStep());
    }

    static Stage networkConfig() {
        return Stage.of("network-config", LAB, new NetworkConfigStep());
    }

    static Stage flanneld() {
        return Stage.of("flanneld", ALL_NODES,
                new StopStaleDockerStep(),
                new WriteFilesStep("flannel"),
                new DaemonReloadStep(),
                new OldBackendStep(),
                new ServicesStep("flannel", "flanneld"),
                new SubnetEnvStep());
    }

    static Stage docker() {
        return Stage.of("docker", ALL_NODES,
                new WriteFilesStep("docker"),
                new DaemonReloadStep(),
                new ServicesStep("docker", "docker"),
                new Docker0SubnetStep(),
                new StaleConntrackStep(),
                new PodImageStep());
    }
}
