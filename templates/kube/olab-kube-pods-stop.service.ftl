<#-- Pods' processes do not stop on SIGTERM: the pause container (busybox sleep) and busybox httpd are each
     PID 1 of their own PID namespace with no SIGTERM handler, so the kernel drops the SIGTERM that
     systemd-shutdown sends every remaining process, and it waits out its timeout (DefaultTimeoutStopSec,
     90 s) before SIGKILL. This unit removes every containerd task of Kubernetes with SIGKILL while the node
     shuts down: stopped after kubelet (which would start them again), before containerd (which does it).
     Only at shutdown: a restart of this unit (its file changed) leaves the pods alone. systemd expands $,
     so the shell's are written $$. -->
# ${managed}
[Unit]
Description=Kubernetes pods killed at shutdown instead of waited for (Overlay Lab)
After=containerd.service
Before=kubelet.service

[Service]
Type=oneshot
RemainAfterExit=yes
ExecStart=/bin/true
ExecStop=/bin/sh -c '[ "$$(systemctl is-system-running)" = stopping ] || exit 0; for t in $$(ctr -n k8s.io tasks ls -q); do ctr -n k8s.io tasks rm -f "$$t"; done; true'
TimeoutStopSec=20

[Install]
WantedBy=multi-user.target
