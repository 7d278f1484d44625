package dev.overlaylab.provider.hosts;

import dev.overlaylab.plan.steps.WriteFilesStep;
import dev.overlaylab.ssh.NodeShell;
import java.time.Duration;

/**
 * Undoes Overlay Lab on an existing machine: stops its services, deletes the files it wrote (found
 * by their marker line, so nothing else is touched), puts back the originals it kept as
 * {@code .olab-bak}, and removes the flanneld binary its unit started. The host-only address stays
 * configured until the next reboot so the SSH session in use is not cut.
 */
final class HostCleanup {
    static final String FOLDERS = "/etc/systemd/system /lib/systemd/system /etc/default /etc/network/interfaces.d /etc/netplan /etc/systemd/network";

    private HostCleanup() {
    }

    /** Runs the clean-up as one script; returns its report (one line per action). */
    static String run(NodeShell sh) {
        String marker = WriteFilesStep.MARKER;
        String bak = WriteFilesStep.BACKUP_SUFFIX;
        String script = String.join("\n",
                "set -u",
                "for u in flanneld olab-forward-accept; do",
                "  if systemctl cat \"$u\" >/dev/null 2>&1; then systemctl disable --now \"$u\" >/dev/null 2>&1 && echo \"stopped $u\"; fi",
                "done",
                "bin=$(sed -n 's/^ExecStart=[[:space:]]*-\\{0,1\\}\\(\\/[^ ]*flanneld\\).*/\\1/p' /etc/systemd/system/flanneld.service /lib/systemd/system/flanneld.service 2>/dev/null | head -n1)",
                "for f in $(grep -rlF '" + marker + "' " + FOLDERS + " 2>/dev/null); do",
                "  case \"$f\" in *" + bak + ") continue;; esac",
                "  if [ -e \"$f" + bak + "\" ]; then mv -f \"$f" + bak + "\" \"$f\" && echo \"restored $f\"; else rm -f \"$f\" && echo \"removed $f\"; fi",
                "done",
                "if [ -n \"$bin\" ] && [ -f \"$bin\" ]; then rm -f \"$bin\" && echo \"removed $bin\"; fi",
                "rm -rf /run/flannel /var/lib/overlay-lab",
                "systemctl daemon-reload",
                // etcd and docker read restored files: running ones restart, stopped ones stay stopped
                "systemctl try-restart etcd docker >/dev/null 2>&1 || true",
                "echo done");
        var r = sh.exec("sh -c " + dev.overlaylab.exec.Commands.quote(script), Duration.ofSeconds(120));
        if (!r.ok()) {
            throw new IllegalStateException("clean-up failed on " + sh.nodeName() + " (exit " + r.exitCode() + "): " + r.stderr().strip());
        }
        return r.stdout().strip().replace("\n", "; ");
    }
}
