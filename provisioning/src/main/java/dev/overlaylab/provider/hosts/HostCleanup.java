package dev.overlaylab.provider.hosts;

import dev.overlaylab.exec.Commands;
import dev.overlaylab.engine.NodeRun;
import dev.overlaylab.engine.steps.WriteFilesStep;
import dev.overlaylab.net.SubnetEnv;
import dev.overlaylab.node.NodeLayout;
import dev.overlaylab.ssh.NodeShell;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Undoes one lab on an existing machine: stops its services, deletes the files it wrote (found by
 * their marker line naming this lab, so nothing else is touched), puts back the originals it kept as
 * {@code .olab-bak}, and removes the flanneld binary its unit started. Files whose marker names
 * another lab, or the local provider's node set-up, stay, and the report says so and why: one
 * machine can carry a local lab's node and a hosts lab at once. The host-only address stays
 * configured until the next reboot so the SSH session in use is not cut.
 */
final class HostCleanup {

    /**
     * Where the clean-up looks, on a node. Only {@link #NODE} is used in the product; tests point
     * it at a temporary folder and replace systemctl with {@code echo} to read what would be called.
     */
    record Layout(List<String> folders, List<String> flannelUnits, String flannelRunDir, String pendingFile, String podNote,
            String systemctl) {
        static final Layout NODE = new Layout(
                List.of("/etc/systemd/system", "/lib/systemd/system", "/etc/default", "/etc/network/interfaces.d", "/etc/netplan",
                        "/etc/systemd/network"),
                List.of("/etc/systemd/system/flanneld.service", "/lib/systemd/system/flanneld.service"),
                Path.of(NodeLayout.SUBNET_ENV).getParent().toString(), NodeLayout.PENDING_FILE, NodeLayout.VERIFY_POD_NOTE, "systemctl");
    }

    private HostCleanup() {
    }

    /** Runs the clean-up on the node as one script; returns its report (one line per action). */
    static String run(NodeShell sh, String labName) {
        return exec(sh, script(Layout.NODE, labName, false)).strip().replace("\n", "; ");
    }

    /** The same script with every change replaced by the line naming it: what {@link #run} would do now. */
    static List<String> preview(NodeShell sh, String labName) {
        return exec(sh, script(Layout.NODE, labName, true)).lines().filter(l -> !l.isBlank()).toList();
    }

    private static String exec(NodeShell sh, String script) {
        var r = sh.exec("sh -c " + Commands.quote(script), Duration.ofSeconds(120));
        if (!r.ok()) {
            throw new IllegalStateException("clean-up failed on " + sh.nodeName() + " (exit " + r.exitCode() + "): " + r.stderr().strip());
        }
        return r.stdout();
    }

    static String script(Layout l, String labName) {
        return script(l, labName, false);
    }

    /**
     * The clean-up. With {@code dryRun} every change goes through {@code act}, which then only prints
     * what it would do: the preview and the clean-up are one script, so they cannot disagree.
     */
    static String script(Layout l, String labName, boolean dryRun) {
        String bak = NodeLayout.BACKUP_SUFFIX;
        String sc = l.systemctl();
        String folders = String.join(" ", l.folders().stream().map(Commands::quote).toList());
        String units = String.join(" ", l.flannelUnits().stream().map(Commands::quote).toList());
        // the owner a marker line names: "lab NAME" from the renderer's, "local provider" from NodeRoot's
        String owner = "s/.*" + NodeLayout.MARKER + " (\\([^),]*\\).*/\\1/p";
        String run = Commands.quote(l.flannelRunDir());
        String pending = Commands.quote(l.pendingFile());
        String podNote = Commands.quote(l.podNote());
        return String.join("\n",
                "set -u",
                "dry=" + (dryRun ? "1" : ""),
                // act PREVIEW DONE COMMAND...: prints PREVIEW in a dry run, else runs COMMAND and prints DONE
                "act() { p=$1; d=$2; shift 2; if [ -n \"$dry\" ]; then echo \"$p\"; else \"$@\" && echo \"$d\"; fi; }",
                "mark=" + Commands.quote(NodeLayout.labMarker(labName)),
                "ours() { grep -qsF \"$mark\" \"$1\"; }",
                // a unit another lab wrote keeps running: only this lab's are stopped
                "for u in flanneld olab-forward-accept; do",
                "  own=; for d in " + folders + "; do if ours \"$d/$u.service\"; then own=1; fi; done",
                "  if [ -n \"$own\" ] && " + sc + " cat \"$u\" >/dev/null 2>&1; then act \"stop and disable $u\" \"stopped $u\" "
                        + sc + " disable --now \"$u\"; fi",
                "done",
                // the binary this lab's unit started, read before the unit goes
                "bin=; for u in " + units + "; do if ours \"$u\"; then",
                "  bin=$(sed -n 's/^ExecStart=[[:space:]]*-\\{0,1\\}\\(\\/[^ ]*flanneld\\).*/\\1/p' \"$u\" | head -n1); break",
                "fi; done",
                "for f in $(grep -rlF " + Commands.quote(NodeLayout.MARKER) + " " + folders + " 2>/dev/null); do",
                "  case \"$f\" in *" + bak + ") continue;; esac",
                "  if ! ours \"$f\"; then",
                "    who=$(sed -n " + Commands.quote(owner) + " \"$f\" | head -n1)",
                "    [ -n \"$dry\" ] || echo \"left $f (its marker names ${who:-no lab}, not lab \"" + Commands.quote(labName) + "\")\"",
                "    continue",
                "  fi",
                "  if [ -e \"$f" + bak + "\" ]; then act \"put back the original $f (kept as $f" + bak + ")\" \"restored $f\" mv -f \"$f"
                        + bak + "\" \"$f\"; else act \"delete $f\" \"removed $f\" rm -f \"$f\"; fi",
                "done",
                "if [ -n \"$bin\" ] && [ -f \"$bin\" ]; then act \"delete $bin\" \"removed $bin\" rm -f \"$bin\"; fi",
                "if [ -n \"$dry\" ]; then",
                "  if [ -e " + run + " ]; then echo \"delete \"" + run + "\" (flannel's lease of this node)\"; fi",
                "  if [ -e " + pending + " ]; then echo \"delete \"" + pending + "; fi",
                "  if [ -e " + podNote + " ]; then echo \"delete \"" + podNote + "\" (verify's note of its pod)\"; fi",
                "  exit 0",
                "fi",
                "rm -rf " + run + " && rm -f " + pending + " " + podNote,
                sc + " daemon-reload",
                // etcd and docker read restored files: running ones restart, stopped ones stay stopped
                sc + " try-restart etcd docker || true",
                "echo done");
    }
}
