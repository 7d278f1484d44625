# ${managed}
[Unit]
Description=Kubernetes API server (Overlay Lab)
After=network-online.target ${etcd.unit}.service

[Service]
ExecStart=${kube.binDir}/kube-apiserver \
<#-- the host-only address: seed 004's NAT address answers nowhere -->
    --advertise-address=${kube.master.ip} \
    --bind-address=0.0.0.0 \
    --secure-port=${kube.apiPort} \
    --etcd-servers=${etcd.endpoints} \
    --etcd-prefix=${kube.etcdPrefix} \
    --service-cluster-ip-range=${kube.serviceCidr} \
    --client-ca-file=${kube.pkiDir}/ca.crt \
    --tls-cert-file=${kube.pkiDir}/apiserver.crt \
    --tls-private-key-file=${kube.pkiDir}/apiserver.key \
    --kubelet-client-certificate=${kube.pkiDir}/apiserver-kubelet-client.crt \
    --kubelet-client-key=${kube.pkiDir}/apiserver-kubelet-client.key \
    --kubelet-preferred-address-types=InternalIP,Hostname \
    --service-account-issuer=https://kubernetes.default.svc.${kube.clusterDomain} \
    --service-account-key-file=${kube.pkiDir}/sa.pub \
    --service-account-signing-key-file=${kube.pkiDir}/sa.key \
    --authorization-mode=Node,RBAC \
    --enable-admission-plugins=NodeRestriction \
    --allow-privileged=true
Restart=always
RestartSec=2

[Install]
WantedBy=multi-user.target
