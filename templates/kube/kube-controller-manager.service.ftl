# ${managed}
[Unit]
Description=Kubernetes controller manager (Overlay Lab)
After=network-online.target kube-apiserver.service

[Service]
ExecStart=${kube.binDir}/kube-controller-manager \
    --kubeconfig=${kube.dir}/controller-manager.kubeconfig \
    --authentication-kubeconfig=${kube.dir}/controller-manager.kubeconfig \
    --authorization-kubeconfig=${kube.dir}/controller-manager.kubeconfig \
    --bind-address=127.0.0.1 \
<#-- the cluster CIDR is the flannel Network; flannel leases each node's subnet, so no node CIDR allocation -->
    --cluster-cidr=${flannel.network} \
    --allocate-node-cidrs=false \
    --service-cluster-ip-range=${kube.serviceCidr} \
    --service-account-private-key-file=${kube.pkiDir}/sa.key \
    --root-ca-file=${kube.pkiDir}/ca.crt \
    --use-service-account-credentials=true \
<#-- one master: no election to wait for -->
    --leader-elect=false
Restart=always
RestartSec=2

[Install]
WantedBy=multi-user.target
