<#-- Local (nspawn) nodes only: what kind does for kubelet in a container, done inside the node's own mount
     namespace at boot by olab-kube-node-prep.service. -->
#!/bin/sh
# ${managed}
# kubelet reads /dev/kmsg and wants three kernel settings the node cannot change (/proc/sys is
# read-only in the container): /dev/kmsg becomes the console, the settings read as kubelet wants.
set -e
[ "$(readlink /dev/kmsg)" = /dev/console ] || { rm -f /dev/kmsg; ln -s /dev/console /dev/kmsg; }
mkdir -p /run/olab-sysctl
for kv in vm/overcommit_memory:1 kernel/panic:10 kernel/panic_on_oops:1; do
  k=$(echo "$kv" | cut -d: -f1); v=$(echo "$kv" | cut -d: -f2)
  f=/run/olab-sysctl/$(echo "$k" | tr / _)
  mountpoint -q "/proc/sys/$k" && continue
  echo "$v" > "$f"
  mount --bind "$f" "/proc/sys/$k"
done
