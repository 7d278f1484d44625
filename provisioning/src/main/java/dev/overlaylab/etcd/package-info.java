/**
 * flannel's data in etcd.
 *
 * <p>{@link dev.overlaylab.etcd.EtcdConnections#throughSsh} opens an
 * {@link dev.overlaylab.etcd.EtcdGateway} over the master's SSH connection (v3 through jetcd, or
 * the v2 keys API for flannel ≤ 0.17, chosen with {@code EtcdGateway.Api.resolve}). The gateway
 * writes {@code <prefix>/config} with compare-and-set (CREATED / UNCHANGED / refused with
 * {@link dev.overlaylab.etcd.ConfigConflictException} unless forced → OVERWRITTEN), lists
 * {@link dev.overlaylab.etcd.Lease}s and reports health. Keys are built by
 * {@link dev.overlaylab.etcd.EtcdKeys} only.
 */
package dev.overlaylab.etcd;
