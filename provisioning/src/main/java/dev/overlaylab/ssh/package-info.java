/**
 * SSH to lab nodes over sshj.
 *
 * <p>Open with {@link dev.overlaylab.ssh.SshConnector} ({@code forLab(lab, listener)}):
 * {@code connect(node, endpoint)}, {@code waitForSsh(node, endpoint, timeout, progress)} for booting
 * nodes, {@code installKey(node, endpoint, password)} for the hosts provider. Each returns or uses an
 * {@link dev.overlaylab.ssh.SshNodeShell} (one connection per node, a session per command): exec as
 * root (sudo -n when the user is not root; commands run under POSIX {@code sh} with a node-side
 * {@code timeout}), atomic {@code write}, {@code read}, and {@code forward} for etcd. Host keys live
 * in Overlay Lab's own known_hosts ({@link dev.overlaylab.ssh.KnownHostsStore}); a first key is
 * announced through {@link dev.overlaylab.ssh.HostKeyListener}, a changed one raises
 * {@link dev.overlaylab.ssh.HostKeyChangedException}. Every failure is an
 * {@link dev.overlaylab.ssh.SshException} naming node, address, what failed and what to do.
 */
package dev.overlaylab.ssh;
