#!/usr/bin/env bash
# The seeds' steps (seed 000: etcd, the network config, flanneld, docker's drop-in, ping each other's
# docker0) typed as a person would, one plain ssh/scp command after another, no connection sharing.
# Adapted only where this lab differs from the blog post's: etcd 3.4 (v3 API, which flannel 0.28
# reads), vxlan, flanneld already at /usr/local/bin (the local provider puts it there for olab too),
# the host-only NIC is host0, Debian's dockerd path.
#
# Usage: seeds-by-hand.sh KEY FLANNEL_NETWORK MASTER_IP NODE_IP...   (MASTER_IP is also the first node)
# Exit 0 when every node pinged every other node's docker0.
set -euo pipefail
key="$1" network="$2"; shift 2
ips=("$@")
master="${ips[0]}"
opts=(-i "$key" -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o BatchMode=yes)
s() { local ip="$1"; shift; ssh "${opts[@]}" "root@$ip" "$@"; }
put() { scp -q "${opts[@]}" "$2" "root@$1:$3"; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# etcd on the master: listen on the host-only address, restart (seed: /etc/default/etcd + restart)
s "$master" systemctl stop docker
cat >"$work/etcd" <<EOT
ETCD_NAME=master
ETCD_DATA_DIR=/var/lib/etcd/default
ETCD_LISTEN_CLIENT_URLS=http://$master:2379,http://127.0.0.1:2379
ETCD_ADVERTISE_CLIENT_URLS=http://$master:2379
ETCD_LISTEN_PEER_URLS=http://$master:2380
ETCD_INITIAL_ADVERTISE_PEER_URLS=http://$master:2380
ETCD_INITIAL_CLUSTER=master=http://$master:2380
ETCD_INITIAL_CLUSTER_STATE=new
EOT
put "$master" "$work/etcd" /etc/default/etcd
s "$master" systemctl restart etcd
s "$master" etcdctl --endpoints=http://$master:2379 put /coreos.com/network/config \
    "'{\"Network\":\"$network\",\"SubnetLen\":24,\"Backend\":{\"Type\":\"vxlan\"}}'"

cat >"$work/flanneld.service" <<EOT
[Unit]
Description=flanneld overlay address etcd agent
After=network.target
Before=docker.service

[Service]
Type=notify
ExecStart=/usr/local/bin/flanneld -etcd-endpoints=http://$master:2379 --iface=host0

[Install]
RequiredBy=docker.service
WantedBy=multi-user.target
EOT

# then each node in turn, as the seed says ("do this section on the other machine too")
for ip in "${ips[@]}"; do
    [[ "$ip" == "$master" ]] || s "$ip" systemctl stop docker
    put "$ip" "$work/flanneld.service" /lib/systemd/system/flanneld.service
    s "$ip" systemctl daemon-reload
    s "$ip" systemctl restart flanneld.service
    s "$ip" 'for i in $(seq 100); do [ -s /run/flannel/subnet.env ] && break; sleep 0.1; done; cat /run/flannel/subnet.env' >"$work/subnet.env"
    subnet="$(sed -n 's/^FLANNEL_SUBNET=//p' "$work/subnet.env")"
    mtu="$(sed -n 's/^FLANNEL_MTU=//p' "$work/subnet.env")"
    s "$ip" mkdir -p /etc/systemd/system/docker.service.d
    printf '[Service]\nExecStart=\nExecStart=/usr/sbin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock --bip=%s --mtu=%s\n' \
        "$subnet" "$mtu" >"$work/docker.conf"
    put "$ip" "$work/docker.conf" /etc/systemd/system/docker.service.d/docker.conf
    s "$ip" systemctl daemon-reload
    s "$ip" systemctl start docker.service
    echo "${subnet%/*}" >>"$work/docker0s"
done

# check: every node pings every other node's docker0
fail=0
for ip in "${ips[@]}"; do
    mine="$(s "$ip" ip -4 -o addr show dev docker0 | awk '{print $4}')"
    for d in $(cat "$work/docker0s"); do
        [[ "$mine" == "$d/"* ]] && continue
        s "$ip" ping -c 1 -W 2 "$d" >/dev/null || { echo "seeds-by-hand: $ip cannot ping docker0 $d" >&2; fail=1; }
    done
done
exit "$fail"
