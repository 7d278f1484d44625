#!/usr/bin/env bash
# bench/lib/k8s-clusterip.sh OLAB LAB_FILE KUBECTL: from a Kubernetes lab that is up to a ClusterIP that
# answers curl from every node. Writes the admin kubeconfig (olab kubeconfig), applies a DaemonSet of
# busybox httpd (the image the engine imported, no registry) and its Service with the host's kubectl,
# then curls the ClusterIP on each node over the lab's SSH key until each gets an answer. Bounded: 180 s.
set -euo pipefail
olab="$1" lab="$2" kubectl="$3"
name="$(sed -n 's/^name: *//p' "$lab" | head -n 1)"
kc="$("$olab" kubeconfig "$lab" | head -n 1)"
key="${XDG_DATA_HOME:-$HOME/.local/share}/overlay-lab/labs/$name/id_ed25519"
"$kubectl" --kubeconfig "$kc" apply -f - <<'YAML'
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: bench-web}
spec:
  selector: {matchLabels: {app: bench-web}}
  template:
    metadata: {labels: {app: bench-web}}
    spec:
      containers:
      - name: web
        image: docker.io/olab/busybox:latest
        imagePullPolicy: Never
        command: ["/bin/sh", "-c", "echo ok > /tmp/index.html; exec httpd -f -p 8080 -h /tmp"]
---
apiVersion: v1
kind: Service
metadata: {name: bench-web}
spec:
  selector: {app: bench-web}
  ports: [{port: 80, targetPort: 8080}]
YAML
ip="$("$kubectl" --kubeconfig "$kc" get svc bench-web -o jsonpath='{.spec.clusterIP}')"
nodes="$(sed -n 's/.*ip: *\([0-9.]*\).*/\1/p' "$lab")"
deadline=$((SECONDS + 180))
for n in $nodes; do
    until ssh -i "$key" -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o ConnectTimeout=5 \
            "root@$n" "curl -s -m 2 http://$ip/" | grep -q ok; do
        ((SECONDS < deadline)) || { echo "ClusterIP $ip does not answer on $n after 180 s" >&2; exit 1; }
        sleep 0.5
    done
    echo "ClusterIP $ip answers on $n"
done
