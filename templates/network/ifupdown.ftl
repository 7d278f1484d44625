# ${managed}
# The static host-only address flanneld binds to (--iface=${flannel.iface}).
auto ${profile.hostOnlyNic}
iface ${profile.hostOnlyNic} inet static
    address ${node.ip}
    netmask ${network.netmask}
