# ${managed}
[Unit]
Description=Kubernetes scheduler (Overlay Lab)
After=network-online.target kube-apiserver.service

[Service]
ExecStart=${kube.binDir}/kube-scheduler \
    --kubeconfig=${kube.dir}/scheduler.kubeconfig \
    --authentication-kubeconfig=${kube.dir}/scheduler.kubeconfig \
    --authorization-kubeconfig=${kube.dir}/scheduler.kubeconfig \
    --bind-address=127.0.0.1 \
    --leader-elect=false
Restart=always
RestartSec=2

[Install]
WantedBy=multi-user.target
