package dev.overlaylab.engine;

import static dev.overlaylab.engine.Stage.Scope.ALL_NODES;
import static dev.overlaylab.engine.Stage.Scope.LAB;

import dev.overlaylab.engine.kube.ApiServerReadyStep;
import dev.overlaylab.engine.kube.CniConfigStep;
import dev.overlaylab.engine.kube.KubeBinariesStep;
import dev.overlaylab.engine.kube.KubeImagesStep;
import dev.overlaylab.engine.kube.NodesReadyStep;
import dev.overlaylab.engine.steps.DaemonReloadStep;
import dev.overlaylab.engine.steps.ServicesStep;
import dev.overlaylab.engine.steps.WriteFilesStep;
import dev.overlaylab.render.kube.KubeFiles;
import java.util.Set;

/**
 * Kubernetes on top of the overlay, after docker, in the seeds' order: binaries, the control plane on
 * the master (lab-wide stages run there), kubelet and kube-proxy on every node, then every node Ready.
 * Only for labs with a {@code kubernetes:} section ({@link Pipelines#forLab}).
 */
final class KubernetesStages {
    static final Set<String> IDS = Set.of("kube-binaries", "control-plane", "kubelet", "kube-ready");

    private KubernetesStages() {
    }

    static Stage binaries() {
        return Stage.of("kube-binaries", ALL_NODES, new KubeBinariesStep());
    }

    static Stage controlPlane() {
        return Stage.of("control-plane", LAB,
                new WriteFilesStep(KubeFiles.CONTROL_PLANE),
                new DaemonReloadStep(),
                new ServicesStep(KubeFiles.CONTROL_PLANE, null),
                new ApiServerReadyStep());
    }

    static Stage kubelet() {
        return Stage.of("kubelet", ALL_NODES,
                new WriteFilesStep(KubeFiles.NODE),
                new DaemonReloadStep(),
                new CniConfigStep(),
                new ServicesStep(KubeFiles.NODE, null),
                new KubeImagesStep());
    }

    static Stage nodesReady() {
        return Stage.of("kube-ready", LAB, new NodesReadyStep());
    }
}
