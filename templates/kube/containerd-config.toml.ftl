<#-- containerd's CRI for pods on docker0 (Debian's CNI plugins). Local (nspawn) nodes get what kind gives
     kubelet in a container: restricted oom_score_adj, the native snapshotter (the node's root is an
     overlay) and the runc wrapper that drops the cgroup limits the node cannot set. -->
# ${managed}
version = 2

[plugins."io.containerd.grpc.v1.cri"]
  sandbox_image = "${kube.pauseImage}"
<#if kube.inContainer>
  restrict_oom_score_adj = true
</#if>
[plugins."io.containerd.grpc.v1.cri".containerd]
<#if kube.inContainer>
  snapshotter = "native"
</#if>
  default_runtime_name = "runc"
[plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
  runtime_type = "io.containerd.runc.v2"
[plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
  SystemdCgroup = ${!kube.inContainer}
<#if kube.inContainer>
  BinaryName = "${kube.runcWrapper}"
</#if>
[plugins."io.containerd.grpc.v1.cri".cni]
  bin_dir = "/usr/lib/cni"
  conf_dir = "/etc/cni/net.d"
