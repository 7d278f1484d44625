# ${managed}
apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
authentication:
  anonymous: {enabled: false}
  webhook: {enabled: true}
  x509: {clientCAFile: ${kube.pkiDir}/ca.crt}
authorization: {mode: Webhook}
containerRuntimeEndpoint: unix:///run/containerd/containerd.sock
cgroupDriver: systemd
clusterDomain: ${kube.clusterDomain}
failSwapOn: false
<#-- nodes share one disk with the host and each other: never evict or collect images -->
imageGCHighThresholdPercent: 100
imageGCLowThresholdPercent: 99
evictionHard: {memory.available: "0%", nodefs.available: "0%", nodefs.inodesFree: "0%", imagefs.available: "0%"}
<#if kube.inContainer>
<#-- A local node's cgroup v2 has no controllers at all (this host's controllers are on cgroup v1):
     kubelet's QoS cgroups need cpu.weight and memory.low, and kubelet exited at start ("Failed to
     start ContainerManager") dozens of times before a start got through. Without QoS cgroups pods
     have no slice, so containerd's runc uses plain cgroup paths there (SystemdCgroup false). -->
cgroupsPerQOS: false
enforceNodeAllocatable: []
</#if>
<#if node.name == kube.master.name && !kube.masterSchedulable>
registerWithTaints:
- key: node-role.kubernetes.io/control-plane
  effect: NoSchedule
</#if>
