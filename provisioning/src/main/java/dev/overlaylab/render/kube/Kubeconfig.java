package dev.overlaylab.render.kube;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The values of a kubeconfig with everything embedded (CA, client certificate and key), so one file is all
 * a component, or {@code kubectl} on the host, needs; {@code kube/kubeconfig.ftl} lays them out.
 */
public final class Kubeconfig {
    public static final String TEMPLATE = "kube/kubeconfig.ftl";

    private Kubeconfig() {
    }

    /**
     * The template's {@code kubeconfig} variable.
     *
     * @param cluster the cluster's name in the file (the lab's name)
     * @param server  e.g. {@code https://192.168.81.101:6443}
     * @param user    the user's name in the file (the certificate's CN says who it is to the apiserver)
     */
    public static Map<String, Object> values(String cluster, String server, String caPem, String user, Pki.Issued cert) {
        return Map.of("kubeconfig", Map.of(
                "cluster", cluster,
                "server", server,
                "user", user,
                "caData", b64(caPem),
                "certData", b64(cert.certPem()),
                "keyData", b64(cert.keyPem())));
    }

    private static String b64(String pem) {
        return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8));
    }
}
