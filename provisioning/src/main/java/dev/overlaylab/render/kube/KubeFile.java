package dev.overlaylab.render.kube;

import java.util.List;
import java.util.Map;

/**
 * One Kubernetes file a node gets, before rendering: which template, where it goes, and the values only this
 * file's template sees on top of the lab's model — {@code pem} for a certificate or key, {@code kubeconfig}
 * for a kubeconfig. Key material is made by {@link Pki} and arrives here as text; templates only place it.
 *
 * @param template  e.g. {@code kube/kubelet-config.yaml.ftl}
 * @param path      absolute path on the node
 * @param mode      POSIX mode
 * @param component {@link KubeFiles#CONTROL_PLANE} or {@link KubeFiles#NODE}
 * @param restarts  units that read the file, restarted (in this order) when it changes
 * @param values    this file's own template variables
 */
public record KubeFile(String template, String path, int mode, String component, List<String> restarts,
                       Map<String, Object> values) {
    public KubeFile {
        restarts = List.copyOf(restarts);
        values = Map.copyOf(values);
    }
}
