# ${managed}
apiVersion: kubeproxy.config.k8s.io/v1alpha1
kind: KubeProxyConfiguration
clientConnection: {kubeconfig: ${kube.dir}/kube-proxy.kubeconfig}
mode: iptables
clusterCIDR: ${flannel.network}
hostnameOverride: ${node.name}
<#-- the verify script reads this to know the running kube-proxy has written its rules (NodeScript) -->
metricsBindAddress: 127.0.0.1:10249
<#-- the node cannot set nf_conntrack_max (a host-wide value): leave it as it is -->
conntrack: {maxPerCore: 0}
