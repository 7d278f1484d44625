package dev.overlaylab.render.kube;

import dev.overlaylab.model.KubernetesSettings;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Profile;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code kube} part of the template model, present in labs with a {@code kubernetes:} section (listed
 * for people who override templates in templates/README.md). Lab-wide: what differs per node comes from
 * {@code node}, and a template on the master tests {@code node.name == kube.master.name}.
 */
public final class KubeModel {
    private KubeModel() {
    }

    public static Map<String, Object> of(Lab lab, KubernetesSettings k, Profile profile) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", k.version());
        m.put("dir", KubeFiles.DIR);
        m.put("pkiDir", KubeFiles.PKI_DIR);
        m.put("binDir", KubeFiles.BIN_DIR);
        m.put("apiPort", KubeFiles.API_PORT);
        m.put("server", KubeFiles.server(lab));
        m.put("etcdPrefix", KubernetesSettings.ETCD_PREFIX);
        m.put("serviceCidr", k.serviceCidr());
        m.put("apiServiceIp", k.apiServiceIp());
        m.put("clusterDomain", k.clusterDomain());
        m.put("masterSchedulable", k.masterSchedulable());
        m.put("master", Map.of("name", lab.master().name(), "ip", lab.master().ip()));
        m.put("inContainer", KubeFiles.inContainer(profile));
        m.put("pauseImage", KubeFiles.PAUSE_IMAGE);
        m.put("runcWrapper", KubeFiles.RUNC_WRAPPER);
        m.put("nodePrepUnit", NodeKubeFiles.NODE_PREP);
        m.put("nodePrepScript", NodeKubeFiles.NODE_PREP_SCRIPT);
        return Map.copyOf(m);
    }
}
