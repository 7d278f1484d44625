# ${managed}
# The static host-only address flanneld binds to (--iface=${flannel.iface}).
[Match]
Name=${profile.hostOnlyNic}

[Network]
Address=${node.ip}/${network.prefixLength}
