# ${managed}
# etcd for flannel, read by ${etcd.unit}.service (EnvironmentFile). It listens on the host-only
# address so the other nodes' flanneld can reach it, and on localhost for etcdctl on this node.
ETCD_NAME="${node.name}"
ETCD_DATA_DIR="${etcd.dataDir}"
ETCD_LISTEN_CLIENT_URLS="http://${node.ip}:${etcd.clientPort},http://127.0.0.1:${etcd.clientPort}"
ETCD_ADVERTISE_CLIENT_URLS="http://${node.ip}:${etcd.clientPort}"
ETCD_LISTEN_PEER_URLS="http://${node.ip}:${etcd.peerPort}"
ETCD_INITIAL_ADVERTISE_PEER_URLS="http://${node.ip}:${etcd.peerPort}"
ETCD_INITIAL_CLUSTER="${etcd.initialCluster}"
ETCD_INITIAL_CLUSTER_STATE="new"
ETCD_INITIAL_CLUSTER_TOKEN="${etcd.clusterToken}"
<#if etcd.singleMember>
# A cluster of one member has nobody to wait for, yet etcd waits one election timeout (1-2 s by
# default) before it elects itself and serves. Elect after 0.1-0.2 s instead. With several members
# keep the defaults (100/1000 ms): short timeouts between VMs on a busy host cause leader changes.
ETCD_HEARTBEAT_INTERVAL="20"
ETCD_ELECTION_TIMEOUT="100"
</#if>
<#if etcd.enableV2>
# flannel ${flannel.version} reads its config through the v2 keys API, off by default since etcd 3.4
# (etcd 2.x serves only v2 and just warns that it does not know this variable).
ETCD_ENABLE_V2="true"
</#if>
