# ${managed}
# docker >= 1.13 sets the FORWARD policy to DROP; without these two rules overlay packets reach the
# node and never the container (seed 001). Inserted only when missing, removed on stop.
[Unit]
Description=Accept forwarded traffic of the flannel network ${flannel.network} (Overlay Lab)
After=${docker.unit}.service

[Service]
Type=oneshot
RemainAfterExit=yes
ExecStart=/bin/sh -c 'iptables -C FORWARD -s ${flannel.network} -j ACCEPT 2>/dev/null || iptables -I FORWARD -s ${flannel.network} -j ACCEPT'
ExecStart=/bin/sh -c 'iptables -C FORWARD -d ${flannel.network} -j ACCEPT 2>/dev/null || iptables -I FORWARD -d ${flannel.network} -j ACCEPT'
ExecStop=/bin/sh -c 'while iptables -D FORWARD -s ${flannel.network} -j ACCEPT 2>/dev/null; do :; done'
ExecStop=/bin/sh -c 'while iptables -D FORWARD -d ${flannel.network} -j ACCEPT 2>/dev/null; do :; done'

[Install]
WantedBy=multi-user.target
