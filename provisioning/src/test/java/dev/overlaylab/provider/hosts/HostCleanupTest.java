package dev.overlaylab.provider.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.exec.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The down script of the hosts provider, run by a real sh on a node laid out in a temporary folder. */
class HostCleanupTest {
    @TempDir
    Path root;

    private Path put(String rel, String content) throws Exception {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, content);
    }

    @Test
    void downRemovesOnlyOurFilesRestoresBackupsAndTheBinary() throws Exception {
        String mark = "# managed by Overlay Lab (lab x, template t): edits are overwritten by olab up\n";
        Path bin = put("usr/local/bin/flanneld", "ELF");
        Path unit = put("etc/systemd/system/flanneld.service", mark + "[Service]\nExecStart=" + bin + " \\\n  --iface=enp0s8\n");
        Path dropIn = put("etc/systemd/system/docker.service.d/10-flannel.conf", mark + "[Service]\n");
        Path etcd = put("etc/default/etcd", mark + "ETCD_NAME=master\n");
        put("etc/default/etcd.olab-bak", "ETCD_NAME=debian\n");
        Path foreign = put("etc/default/docker", "DOCKER_OPTS=\n");
        Path foreignUnit = put("etc/systemd/system/ssh.service", "[Service]\n");
        Path subnetEnv = put("run/flannel/subnet.env", "FLANNEL_SUBNET=10.1.5.1/24\n");
        Path pending = put("var/lib/overlay-lab/pending", "restart docker\n");
        Path podNote = put("run/olab-verify-pod", "10.1.5.2 4242 3f1c olab/busybox\n");
        HostCleanup.Layout layout = new HostCleanup.Layout(
                List.of(root.resolve("etc/systemd/system").toString(), root.resolve("etc/default").toString(), root.resolve("etc/netplan").toString()),
                List.of(unit.toString()), subnetEnv.getParent().toString(), pending.toString(), podNote.toString(), "echo systemctl");

        ExecResult r = new ProcessRunner().run(List.of("sh", "-c", HostCleanup.script(layout, "x")), Duration.ofSeconds(30));

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(unit).doesNotExist();
        assertThat(dropIn).doesNotExist();
        assertThat(bin).doesNotExist();
        assertThat(etcd).hasContent("ETCD_NAME=debian");
        assertThat(root.resolve("etc/default/etcd.olab-bak")).doesNotExist();
        assertThat(foreign).hasContent("DOCKER_OPTS=");
        assertThat(foreignUnit).exists();
        assertThat(subnetEnv.getParent()).doesNotExist();
        assertThat(pending).doesNotExist();
        assertThat(podNote).doesNotExist();
        assertThat(r.stdout()).contains("systemctl disable --now flanneld", "restored " + etcd, "removed " + dropIn, "removed " + bin,
                "systemctl daemon-reload", "systemctl try-restart etcd docker").endsWith("done\n");
    }

    @Test
    void downTwiceIsHarmless() throws Exception {
        Path unit = put("etc/systemd/system/flanneld.service", "# managed by Overlay Lab (lab x, template t)\nExecStart=/nonexistent/flanneld\n");
        HostCleanup.Layout layout = new HostCleanup.Layout(List.of(root.resolve("etc").toString()), List.of(unit.toString()),
                root.resolve("run/flannel").toString(), root.resolve("pending").toString(), root.resolve("run/olab-verify-pod").toString(), "echo systemctl");
        ProcessRunner sh = new ProcessRunner();

        assertThat(sh.run(List.of("sh", "-c", HostCleanup.script(layout, "x")), Duration.ofSeconds(30)).exitCode()).isZero();
        ExecResult again = sh.run(List.of("sh", "-c", HostCleanup.script(layout, "x")), Duration.ofSeconds(30));

        assertThat(again.exitCode()).isZero();
        assertThat(again.stdout()).doesNotContain("removed", "restored");
    }

    /**
     * The case that was reported: a local lab up, then a hosts lab over the same two machines, then
     * {@code olab down} of the hosts lab removed the local lab's network files. Marker lines as the
     * renderer (RenderModel) and the local provider (NodeRoot) write them.
     */
    @Test
    void downLeavesFilesAnotherLabWroteAndSaysWhy() throws Exception {
        Path ours = put("etc/systemd/network/10-olab-host0.network",
                "# managed by Overlay Lab (lab hosts-lab, template network/networkd.network.ftl): edits are overwritten by olab up\n");
        Path otherLab = put("etc/systemd/network/10-host0.network",
                "# managed by Overlay Lab (lab local-lab, template network/networkd.network.ftl): edits are overwritten by olab up\n");
        Path prefixOfOurs = put("etc/systemd/network/10-nat0.network",
                "# managed by Overlay Lab (lab hosts-lab-2, template network/networkd.network.ftl): edits are overwritten by olab up\n");
        Path localProvider = put("etc/systemd/network/20-host0.network",
                "# managed by Overlay Lab (local provider): the host-only NIC\n[Match]\nName=host0\n");
        Path otherUnit = put("etc/systemd/system/flanneld.service",
                "# managed by Overlay Lab (lab local-lab, template flannel/flanneld.service.ftl)\nExecStart=" + root.resolve("flanneld") + "\n");
        Path otherBinary = put("flanneld", "ELF");
        HostCleanup.Layout layout = new HostCleanup.Layout(
                List.of(root.resolve("etc/systemd/system").toString(), root.resolve("etc/systemd/network").toString()),
                List.of(otherUnit.toString()), root.resolve("run/flannel").toString(), root.resolve("pending").toString(), root.resolve("run/olab-verify-pod").toString(), "echo systemctl");

        ExecResult r = new ProcessRunner().run(List.of("sh", "-c", HostCleanup.script(layout, "hosts-lab")), Duration.ofSeconds(30));

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(ours).doesNotExist();
        assertThat(otherLab).exists();
        assertThat(prefixOfOurs).exists();
        assertThat(localProvider).exists();
        assertThat(otherUnit).exists();
        assertThat(otherBinary).exists();
        assertThat(r.stdout()).contains("removed " + ours,
                "left " + otherLab + " (its marker names lab local-lab, not lab hosts-lab)",
                "left " + prefixOfOurs + " (its marker names lab hosts-lab-2, not lab hosts-lab)",
                "left " + localProvider + " (its marker names local provider, not lab hosts-lab)",
                "left " + otherUnit + " (its marker names lab local-lab, not lab hosts-lab)")
                .doesNotContain("disable --now flanneld", "removed " + otherBinary);
    }

    @Test
    void dryRunChangesNothingAndNamesWhatTheRealRunThenDoes() throws Exception {
        String mark = "# managed by Overlay Lab (lab x, template t): edits are overwritten by olab up\n";
        Path bin = put("usr/local/bin/flanneld", "ELF");
        Path unit = put("etc/systemd/system/flanneld.service", mark + "[Service]\nExecStart=" + bin + "\n");
        Path etcd = put("etc/default/etcd", mark + "ETCD_NAME=master\n");
        put("etc/default/etcd.olab-bak", "ETCD_NAME=debian\n");
        Path subnetEnv = put("run/flannel/subnet.env", "FLANNEL_SUBNET=10.1.5.1/24\n");
        Path pending = root.resolve("var/lib/overlay-lab/pending");
        HostCleanup.Layout layout = new HostCleanup.Layout(
                List.of(root.resolve("etc/systemd/system").toString(), root.resolve("etc/default").toString()),
                List.of(unit.toString()), subnetEnv.getParent().toString(), pending.toString(), root.resolve("run/olab-verify-pod").toString(), "echo systemctl");

        ExecResult dry = new ProcessRunner().run(List.of("sh", "-c", HostCleanup.script(layout, "x", true)), Duration.ofSeconds(30));

        assertThat(dry.exitCode()).as(dry.stderr()).isZero();
        assertThat(unit).exists();
        assertThat(etcd).hasContent("# managed by Overlay Lab (lab x, template t): edits are overwritten by olab up\nETCD_NAME=master");
        assertThat(bin).exists();
        assertThat(dry.stdout().lines().toList()).containsExactlyInAnyOrder(
                "stop and disable flanneld",
                "delete " + unit,
                "put back the original " + etcd + " (kept as " + etcd + ".olab-bak)",
                "delete " + bin,
                "delete " + subnetEnv.getParent() + " (flannel's lease of this node)");

        ExecResult real = new ProcessRunner().run(List.of("sh", "-c", HostCleanup.script(layout, "x", false)), Duration.ofSeconds(30));
        assertThat(real.stdout()).contains("stopped flanneld", "removed " + unit, "restored " + etcd, "removed " + bin);
        assertThat(subnetEnv.getParent()).doesNotExist();
    }
}
