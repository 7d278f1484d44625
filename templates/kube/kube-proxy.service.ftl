# ${managed}
[Unit]
Description=Kubernetes network proxy (Overlay Lab)
After=network-online.target

[Service]
ExecStart=${kube.binDir}/kube-proxy \
    --config=${kube.dir}/kube-proxy-config.yaml
Restart=always
RestartSec=2

[Install]
WantedBy=multi-user.target
