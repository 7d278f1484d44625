# ${managed}
[Unit]
Description=Kubernetes node agent (Overlay Lab)
After=containerd.service<#if kube.inContainer> ${kube.nodePrepUnit}.service</#if>
Wants=containerd.service

[Service]
ExecStart=${kube.binDir}/kubelet \
    --config=${kube.dir}/kubelet-config.yaml \
    --kubeconfig=${kube.dir}/kubelet.kubeconfig \
    --hostname-override=${node.name} \
<#-- the host-only address, not the NAT one all nodes share -->
    --node-ip=${node.ip}
Restart=always
RestartSec=2

[Install]
WantedBy=multi-user.target
