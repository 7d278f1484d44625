package dev.overlaylab.provider.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.exec.ProcessRunner;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.progress.ProgressEvent;
import dev.overlaylab.progress.ProgressListener;
import dev.overlaylab.ssh.LabKeys;
import dev.overlaylab.testsupport.Prereq;
import dev.overlaylab.verify.PodImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real thing: two nspawn nodes on 192.168.60.0/24, reached with the lab's key over SSH, pinging
 * each other on the host-only network; then down, and nothing of the lab may be left on the host.
 */
@Tag("integration")
class LocalProviderTest {
    private static final String LAB = "olit2";

    @TempDir
    Path tmp;

    private final ProcessRunner runner = new ProcessRunner();
    private LabKeys keys;

    @Test
    void twoNodesBootAnswerSshPingEachOtherAndDownLeavesNothing() throws Exception {
        Prereq.requireRoot();
        Prereq.requireProgram("systemd-nspawn");
        Prereq.requireProgram("debootstrap");
        Prereq.requireProgram("ssh");
        Path keyDir = tmp.resolve("keys");
        keys = LabKeys.in(keyDir, "overlay-lab:" + LAB);
        LocalProvider provider = new LocalProvider(new ProcessRunner(), LocalProvider.DEFAULT_STATE_ROOT,
                LocalProvider.DEFAULT_CACHE_ROOT, RootfsSpec.DEFAULT, name -> LabKeys.in(keyDir, "overlay-lab:" + name));
        Prereq.require(provider.unavailableReason().isEmpty(), provider.unavailableReason().orElse(""));
        Lab lab = TestLabs.lab(LAB, "192.168.60.0/24", 2);
        LocalNames names = provider.names(lab);
        List<ProgressEvent> events = new ArrayList<>();
        ProgressListener log = e -> {
            synchronized (events) {
                events.add(e);
            }
            System.out.println("[" + e.status() + "] " + e.node() + " " + e.step() + ": " + e.message()
                    + (e.duration().isZero() ? "" : " (" + e.duration().toMillis() + " ms)"));
        };
        try {
            long t0 = System.nanoTime();
            List<Node> nodes = provider.up(lab, log);
            System.out.printf("up: %d ms%n", (System.nanoTime() - t0) / 1_000_000);

            assertThat(nodes).extracting(n -> n.ssh().host()).containsExactly("192.168.60.10", "192.168.60.11");
            assertThat(nodes).allMatch(n -> n.ssh().keyFile().isEmpty() && n.ssh().user().equals("root") && n.ssh().port() == 22);
            Path knownHosts = knownHosts(provider, lab);
            for (Node n : nodes) {
                assertThat(ssh(n, knownHosts, "hostname").stdout().trim()).isEqualTo(n.name());
                assertThat(ssh(n, knownHosts, "ip -4 -o addr show dev nat0").stdout()).contains("10.0.2.15/24");
                if (Files.isRegularFile(Path.of(lab.flannel().binary().file().orElseThrow()))) {
                    long size = Files.size(Path.of(lab.flannel().binary().file().orElseThrow()));
                    assertThat(ssh(n, knownHosts, "test -x /usr/local/bin/flanneld && stat -c %s /usr/local/bin/flanneld").stdout().trim())
                            .as("flanneld preloaded").isEqualTo(Long.toString(size));
                }
            }
            ExecResult ping = ssh(nodes.get(0), knownHosts, "ping -c 2 -W 2 192.168.60.11");
            assertThat(ping.ok()).as("master pings worker1 on host-only: %s", ping.stdout() + ping.stderr()).isTrue();
            ExecResult back = ssh(nodes.get(1), knownHosts, "ping -c 2 -W 2 192.168.60.10");
            assertThat(back.ok()).as("worker1 pings master on host-only: %s", back.stdout() + back.stderr()).isTrue();

            try (CliSshShell master = new CliSshShell(nodes.get(0), keys.privateKey(), knownHosts)) {
                assertThat(master.exec("systemctl start docker", Duration.ofSeconds(60)).ok()).isTrue();
                assertThat(PodImage.ensure(master)).as("first ensure makes the image").isTrue();
                assertThat(PodImage.ensure(master)).as("second ensure finds it").isFalse();
                ExecResult pod = master.exec("docker run --rm olab/busybox ping -c 1 -W 2 "
                        + "$(ip -4 -o addr show dev docker0 | awk '{print $4}' | cut -d/ -f1)", Duration.ofSeconds(30));
                assertThat(pod.ok()).as("a pod pings docker0: %s", pod.stdout() + pod.stderr()).isTrue();
            }

            long t1 = System.nanoTime();
            List<Node> again = provider.up(lab, log);
            System.out.printf("re-up: %d ms%n", (System.nanoTime() - t1) / 1_000_000);
            assertThat(again).isEqualTo(nodes);
        } finally {
            long t2 = System.nanoTime();
            provider.down(lab, log);
            System.out.printf("down: %d ms%n", (System.nanoTime() - t2) / 1_000_000);
        }
        assertNothingLeft(names);
    }

    @Test
    void downAfterAFailedUpRemovesWhatUpMade() throws Exception {
        Prereq.requireRoot();
        Prereq.requireProgram("systemd-nspawn");
        // A "cached" root filesystem with no OS in it: the bridge, the overlay mount and the
        // nspawn process get made, then nspawn refuses to boot and up fails.
        RootfsSpec spec = new RootfsSpec("bookworm", "http://deb.debian.org/debian", List.of("nothing"), List.of());
        Path cacheRoot = tmp.resolve("cache");
        Files.createDirectories(cacheRoot.resolve("rootfs").resolve(spec.key()).resolve("etc/ssh"));
        Files.writeString(cacheRoot.resolve("rootfs").resolve(spec.key()).resolve("etc/os-release"), "ID=empty\n");
        Path keyDir = tmp.resolve("keys");
        LocalProvider provider = new LocalProvider(new ProcessRunner(), LocalProvider.DEFAULT_STATE_ROOT, cacheRoot, spec,
                name -> LabKeys.in(keyDir, "overlay-lab:" + name));
        Lab lab = TestLabs.lab("olitf", "192.168.60.0/24", 2);
        LocalNames names = provider.names(lab);
        try {
            assertThatThrownBy(() -> provider.up(lab, ProgressListener.NONE))
                    .isInstanceOf(LocalProviderException.class)
                    // nodes boot in parallel: whichever fails first is the one named
                    .hasMessageMatching("(?s).*node (master|worker1)\\b.*")
                    .hasMessageContaining("olab down");
            assertThat(new LocalLabState(names.stateFile()).entries()).extracting(LocalLabState.Entry::kind)
                    .contains(LocalLabState.Kind.LINK, LocalLabState.Kind.MOUNT, LocalLabState.Kind.PID);
        } finally {
            provider.down(lab, ProgressListener.NONE);
        }
        assertNothingLeft(names);
    }

    /** No link, mount, folder or nspawn process of the lab left on the host (also used by the end-to-end tests). */
    static void assertNothingLeft(LocalNames names) throws IOException {
        String links = new ProcessRunner().check(List.of("ip", "-o", "link", "show"), Duration.ofSeconds(10)).stdout();
        String vethPrefix = names.hostOnlyVeth(0).substring(0, names.hostOnlyVeth(0).length() - 2);
        assertThat(links).doesNotContain(names.bridge()).doesNotContain(vethPrefix);
        assertThat(Files.readString(Path.of("/proc/self/mounts"))).doesNotContain(names.labDir().toString());
        assertThat(Files.exists(names.labDir())).isFalse();
        List<Long> nspawns = ProcessHandle.allProcesses()
                .filter(p -> cmdline(p.pid()).contains("-M\0" + names.machine("")))
                .map(ProcessHandle::pid).toList();
        assertThat(nspawns).as("nspawn processes of the lab").isEmpty();
    }

    private static String cmdline(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** known_hosts from the host keys the provider gave the nodes: ssh checks them strictly. */
    private Path knownHosts(LocalProvider provider, Lab lab) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Node n : lab.nodes()) {
            Path pub = provider.hostKeys(lab, n.name()).resolve("ssh_host_ed25519_key.pub");
            String[] f = Files.readString(pub).trim().split("\\s+");
            sb.append(n.ip()).append(' ').append(f[0]).append(' ').append(f[1]).append('\n');
        }
        Path kh = tmp.resolve("known_hosts");
        Files.writeString(kh, sb.toString());
        return kh;
    }

    private ExecResult ssh(Node n, Path knownHosts, String command) {
        return new CliSshShell(n, keys.privateKey(), knownHosts).exec(command, Duration.ofSeconds(30));
    }
}
