/**
 * flannel's data in etcd, behind one port.
 *
 * <p>{@link dev.overlaylab.etcd.EtcdPort} is everything the engine, verify and diagnose need from
 * etcd: the network config with compare-and-set, the leases, health. Two adapters implement it:
 * jetcd / the v2 HTTP gateway through SSH local forwards
 * ({@link dev.overlaylab.etcd.EtcdPorts#throughForward}), and etcdctl run on the master
 * ({@link dev.overlaylab.etcd.EtcdctlPort}); the composition picks one with
 * {@link dev.overlaylab.etcd.EtcdTransport}. Every write is decided once, in
 * {@code ConfigCompareAndSet} (CREATED / UNCHANGED / refused with
 * {@link dev.overlaylab.etcd.ConfigConflictException} unless forced → OVERWRITTEN). The API (v2 or
 * v3) is the lab's {@code Lab.etcdApi()}; keys come from {@link dev.overlaylab.etcd.EtcdKeys},
 * endpoints from {@link dev.overlaylab.etcd.EtcdEndpoints}, etcdctl command lines from
 * {@link dev.overlaylab.etcd.Etcdctl}, and nowhere else.
 */
package dev.overlaylab.etcd;
