<#-- Local (nspawn) nodes only. -->
# ${managed}
[Unit]
Description=Kubernetes in a container: /dev/kmsg and kubelet's /proc/sys values (Overlay Lab)
Before=containerd.service kubelet.service kube-proxy.service

[Service]
Type=oneshot
RemainAfterExit=yes
ExecStart=/bin/sh ${kube.nodePrepScript}

[Install]
WantedBy=multi-user.target
