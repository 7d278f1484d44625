# ${managed}
[Unit]
Description=flannel overlay network agent (Overlay Lab)
Documentation=https://github.com/flannel-io/flannel
Wants=network-online.target
After=network-online.target<#if node.etcdMember> ${etcd.unit}.service</#if>
# docker takes its bridge subnet from the lease flanneld writes to ${flannel.subnetEnv}.
Before=${docker.unit}.service

[Service]
Type=notify
ExecStart=${flannel.binary} \
  --etcd-endpoints=${etcd.endpoints} \
  --etcd-prefix=${etcd.prefix} \
<#if flannel.ipMasq>
  --ip-masq \
</#if>
<#if flannel.forwardRulesFlag>
  --iptables-forward-rules \
</#if>
  --iface=${flannel.iface}
Restart=on-failure
RestartSec=5

[Install]
WantedBy=multi-user.target
RequiredBy=${docker.unit}.service
