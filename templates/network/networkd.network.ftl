# ${managed}
# The static host-only address flanneld binds to (--iface=${flannel.iface}). IPv4 only: with IPv6
# autoconfiguration on, systemd-networkd-wait-online (flanneld's unit wants network-online.target)
# waited about 11 s for a router advertisement no host-only network sends.
[Match]
Name=${profile.hostOnlyNic}

[Network]
Address=${node.ip}/${network.prefixLength}
LinkLocalAddressing=no
IPv6AcceptRA=no
