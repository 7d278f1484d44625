# ${managed}
# The static host-only address flanneld binds to (--iface=${flannel.iface}).
network:
  version: 2
  ethernets:
    ${profile.hostOnlyNic}:
      dhcp4: false
      addresses:
        - ${node.ip}/${network.prefixLength}
