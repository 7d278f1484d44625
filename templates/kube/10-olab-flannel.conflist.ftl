<#-- The CNI network containerd gives pods, rendered on `up` once the node holds its flannel lease (the
     `lease` values come from /run/flannel/subnet.env): Debian's bridge plugin on docker0, so pods and
     docker's containers share the node's flannel subnet as in the seeds; host-local hands out the upper
     half of FLANNEL_SUBNET (docker the lower half). JSON has no comments: the marker is a field CNI ignores. -->
{
  "cniVersion": "1.0.0",
  "name": "olab-flannel",
  "_comment": "${managed}",
  "plugins": [
    {
      "type": "bridge",
      "bridge": "docker0",
      "isGateway": true,
      "ipMasq": false,
      "hairpinMode": true,
      "mtu": ${lease.mtu},
      "ipam": {
        "type": "host-local",
        "ranges": [[{"subnet": "${lease.subnet}", "rangeStart": "${lease.rangeStart}", "rangeEnd": "${lease.rangeEnd}", "gateway": "${lease.gateway}"}]],
        "routes": [{"dst": "0.0.0.0/0"}]
      }
    },
    {"type": "portmap", "capabilities": {"portMappings": true}}
  ]
}
