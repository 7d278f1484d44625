# ${managed}
# docker0 takes the subnet flanneld leased for this node: FLANNEL_SUBNET and FLANNEL_MTU come from
# ${flannel.subnetEnv}, which flanneld writes once it holds a lease.
[Unit]
After=${flannel.unit}.service
Requires=${flannel.unit}.service

[Service]
EnvironmentFile=${flannel.subnetEnv}
ExecStart=
ExecStart=${docker.daemon}<#if docker.daemonArgs?has_content> ${docker.daemonArgs}</#if> --bip=${r"${FLANNEL_SUBNET}"} --mtu=<#if docker.mtu?has_content>${docker.mtu}<#else>${r"${FLANNEL_MTU}"}</#if><#if flannel.ipMasq> --ip-masq=false</#if>
