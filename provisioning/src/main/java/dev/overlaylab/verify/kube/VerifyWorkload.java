package dev.overlaylab.verify.kube;

/**
 * What the Kubernetes rows of the matrix run in the cluster: one namespace with a DaemonSet (a busybox
 * httpd pod on every node, the master included: it tolerates every taint) and two Services in front of
 * it, a ClusterIP and a NodePort. Applied with {@code kubectl apply} on every verify and never deleted:
 * applying the same objects again changes nothing, so a re-verify finds the pods already running and
 * nothing piles up. {@code kubectl delete namespace olab-verify} removes all of it.
 */
public final class VerifyWorkload {
    public static final String NAMESPACE = "olab-verify";
    public static final String DAEMONSET = "olab-verify";
    public static final String CLUSTER_IP_SERVICE = "olab-verify";
    public static final String NODE_PORT_SERVICE = "olab-verify-nodeport";
    /** Fixed, so the manifest is the same on every apply (a free one would change nothing but is harder to read back). */
    public static final int NODE_PORT = 31080;
    public static final int SERVICE_PORT = 80;
    public static final int POD_PORT = 8080;
    /** Each pod serves this followed by its Kubernetes node name: which pod answered is in the answer. */
    public static final String BODY_PREFIX = "olab-k8s ";

    private VerifyWorkload() {
    }

    /**
     * The objects, as one YAML stream. {@code imagePullPolicy: Never}: lab nodes reach no registry, the image
     * is imported into containerd when the node is set up. The pod writes its page under /tmp (the image's
     * only writable folder by convention) and runs httpd in the foreground; a TCP readiness probe makes
     * "Ready" mean "answers on 8080". No service account token: the pod talks to nothing.
     */
    public static String manifest(String image) {
        return """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: %1$s
                  labels:
                    app.kubernetes.io/managed-by: overlay-lab
                ---
                apiVersion: apps/v1
                kind: DaemonSet
                metadata:
                  name: %2$s
                  namespace: %1$s
                spec:
                  selector:
                    matchLabels:
                      app: %2$s
                  template:
                    metadata:
                      labels:
                        app: %2$s
                    spec:
                      tolerations:
                      - operator: Exists
                      terminationGracePeriodSeconds: 1
                      enableServiceLinks: false
                      automountServiceAccountToken: false
                      containers:
                      - name: httpd
                        image: %3$s
                        imagePullPolicy: Never
                        env:
                        - name: NODE
                          valueFrom:
                            fieldRef:
                              fieldPath: spec.nodeName
                        command: ["sh", "-c", "mkdir -p /tmp/www && echo \\"%4$s$NODE\\" > /tmp/www/index.html && exec httpd -f -p %5$d -h /tmp/www"]
                        ports:
                        - containerPort: %5$d
                        readinessProbe:
                          tcpSocket:
                            port: %5$d
                          periodSeconds: 2
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: %6$s
                  namespace: %1$s
                spec:
                  type: ClusterIP
                  selector:
                    app: %2$s
                  ports:
                  - port: %7$d
                    targetPort: %5$d
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: %8$s
                  namespace: %1$s
                spec:
                  type: NodePort
                  selector:
                    app: %2$s
                  ports:
                  - port: %7$d
                    targetPort: %5$d
                    nodePort: %9$d
                """.formatted(NAMESPACE, DAEMONSET, image, BODY_PREFIX, POD_PORT, CLUSTER_IP_SERVICE, SERVICE_PORT,
                NODE_PORT_SERVICE, NODE_PORT);
    }
}
