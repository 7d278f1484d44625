package dev.overlaylab.render.kube;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A kubeconfig with everything embedded (CA, client certificate and key), so one file is all a component,
 * or {@code kubectl} on the host, needs. The same text for the same inputs.
 */
public final class Kubeconfig {
    private Kubeconfig() {
    }

    /**
     * @param header  the comment on the first line
     * @param cluster the cluster's name in the file (the lab's name)
     * @param server  e.g. {@code https://192.168.81.101:6443}
     * @param user    the user's name in the file (the certificate's CN says who it is to the apiserver)
     */
    public static String of(String header, String cluster, String server, String caPem, String user, Pki.Issued cert) {
        return "# " + header + "\n"
                + "apiVersion: v1\n"
                + "kind: Config\n"
                + "clusters:\n"
                + "- name: " + cluster + "\n"
                + "  cluster:\n"
                + "    server: " + server + "\n"
                + "    certificate-authority-data: " + b64(caPem) + "\n"
                + "users:\n"
                + "- name: " + user + "\n"
                + "  user:\n"
                + "    client-certificate-data: " + b64(cert.certPem()) + "\n"
                + "    client-key-data: " + b64(cert.keyPem()) + "\n"
                + "contexts:\n"
                + "- name: " + user + "@" + cluster + "\n"
                + "  context:\n"
                + "    cluster: " + cluster + "\n"
                + "    user: " + user + "\n"
                + "current-context: " + user + "@" + cluster + "\n";
    }

    private static String b64(String pem) {
        return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8));
    }
}
