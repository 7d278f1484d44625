package dev.overlaylab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.provider.virtualbox.VBoxManageLocator;
import dev.overlaylab.testsupport.AsUser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fix-line audit (issue 15): every error path a person can provoke from the command line, each
 * checked for its cause and for a fix that names something of that cause — and for none of the fixes
 * that belong to other causes (a non-root "up" was once told to check that master is running). The
 * paths are real: real files, a real SSH connection refused on loopback, the real non-root run
 * through {@code runuser -u nobody}.
 */
class FixLinesTest {
    /** Advice that belongs to one cause only; seen under another, it sends a person the wrong way. */
    private static final List<String> OTHER_CAUSES_FIXES = List.of("running and reachable", "journalctl -u flanneld",
            "systemctl enable --now flanneld", "report it with this output");

    private static Path dir;

    @BeforeAll
    static void labs() throws Exception {
        dir = Files.createTempDirectory("olab-fixlines-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        write("empty.yaml", "");
        write("broken.yaml", "name: x\nnodes: [\n");
        write("in-local.yaml", """
                name: in-fixlines
                provider: local
                profile: debian-12-nspawn
                network: {cidr: 192.168.85.0/24}
                nodes:
                  - {name: master, ip: 192.168.85.101}
                  - {name: node1, ip: 192.168.85.102}
                flannel: {network: 10.85.0.0/16}
                """);
        // nothing listens on ports 1 and 2 of loopback: a real "connection refused", no traffic leaves the machine
        write("in-hosts.yaml", """
                name: in-fixhosts
                provider: hosts
                profile: debian-12
                network: {cidr: 192.168.85.0/24}
                nodes:
                  - {name: master, ip: 192.168.85.101, ssh: {host: 127.0.0.1, port: 1, user: root}}
                  - {name: node1, ip: 192.168.85.102, ssh: {host: 127.0.0.1, port: 2, user: root}}
                flannel: {network: 10.85.0.0/16}
                """);
        // never brought up (no VirtualBox here, or refused before anything is made)
        write("vbox.yaml", """
                name: in-fixvbox
                provider: virtualbox
                profile: ubuntu-16.04
                network: {cidr: 192.168.56.0/24}
                nodes:
                  - {name: master, ip: 192.168.56.101}
                  - {name: node1, ip: 192.168.56.102}
                flannel: {network: 10.85.0.0/16}
                """);
        write("vbox-outside.yaml", Files.readString(dir.resolve("vbox.yaml")).replace("192.168.56.", "192.168.85."));
    }

    @AfterAll
    static void cleanUp() throws Exception {
        try (var all = Files.walk(dir)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static void write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        f.toFile().setReadable(true, false);
    }

    private static String lab(String name) {
        return dir.resolve(name).toString();
    }

    /** What olab printed (stdout and stderr) and its exit code. */
    private record Outcome(int exit, String text) {
    }

    private static Outcome olab(String... args) {
        StringWriter out = new StringWriter();
        var cl = Olab.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(out, true));
        int code = cl.execute(args);
        return new Outcome(code, out.toString());
    }

    /**
     * The cause is said, a fix is given that names {@code fixNames} (something of the cause), and no
     * other cause's fix appears.
     */
    private static void assertExplained(Outcome o, int exit, String cause, String fixNames) {
        assertThat(o.exit()).as(o.text()).isEqualTo(exit);
        assertThat(o.text()).contains(cause).contains(fixNames);
        assertThat(o.text()).doesNotContain(OTHER_CAUSES_FIXES);
    }

    @Test
    void badInputNamesTheFileAndWhatToWrite() {
        assertExplained(olab("validate", lab("empty.yaml")), 2, "the lab file is empty", "give it at least name: and provider:");
        assertExplained(olab("up", lab("empty.yaml")), 2, "the lab file is empty", "examples/two-node-local.yaml");
        assertExplained(olab("validate", lab("broken.yaml")), 2, "malformed YAML", "(line 3, column 1)");
        assertExplained(olab("validate", lab("nothere.yaml")), 2, "no such file", "nothere.yaml");
        assertExplained(olab("up", lab("in-local.yaml"), "--from", "bogus"), 2, "no stage 'bogus'",
                "nodes, base, etcd, network-config, flanneld, docker, kube-binaries, control-plane, kubelet, kube-ready, verify");
        assertExplained(olab("halt", lab("in-local.yaml")), 2, "works on VirtualBox labs", "use 'olab up' / 'olab down'");
        assertExplained(olab("break", lab("vbox.yaml"), "random"), 2, "practice mode breaks local labs only",
                "break things by hand");
        assertExplained(olab("validate", lab("vbox-outside.yaml")), 2, "is outside the host-only ranges VirtualBox",
                "create /etc/vbox/networks.conf");
        assertExplained(olab("image", "add", "no-such-image"), 2, "is not a URL, not a file, and no profile",
                "fix: give a profile or box name from that list");
    }

    @Test
    void anUnwritableRenderFolderSaysToPickAnother() {
        assertExplained(olab("render", lab("in-local.yaml"), "-o", "/proc/olab-cannot-be-here"), 1, "cannot write into /proc/",
                "fix: choose a folder you can write to with -o DIR");
    }

    @Test
    void aMissingPrerequisiteNamesWhatToInstall() {
        assumeTrue(VBoxManageLocator.forThisMachine().find().isEmpty(), "VirtualBox is installed here");
        assertExplained(olab("up", lab("vbox.yaml")), 1, "VirtualBox is not installed here", "fix: install VirtualBox");
    }

    @Test
    void aLocalLabThatIsNotUpSaysToBringItUp() {
        for (String cmd : List.of("verify", "diff", "status", "diagnose")) {
            assertExplained(olab(cmd, lab("in-local.yaml")), 1, "lab 'in-fixlines' is not up on this machine", "olab up first");
        }
    }

    @Test
    void unreachableNodesAreTheCauseAndTheFixIsAboutSsh() {
        // verify and diagnose: the nodes could not be logged in to, which is the finding (not "flanneld is down")
        for (String cmd : List.of("verify", "diagnose")) {
            Outcome o = olab(cmd, lab("in-hosts.yaml"));
            assertExplained(o, 1, "cannot log in to master, node1 over SSH", "make master, node1 reachable over SSH first");
            assertThat(o.text()).contains("connection refused").doesNotContain("[flanneld-down]", "[etcd");
        }
        // down: each node's SSH error, with the loopback port-forward advice (127.0.0.1 is how VirtualBox nodes are reached)
        Outcome down = olab("down", lab("in-hosts.yaml"));
        assertExplained(down, 1, "connection refused: nothing listens on that port", "sshd is started on it, on the port the lab file names");
        assertThat(down.text()).contains("NAT port-forward rule on this loopback address");
    }

    @Test
    void withoutRootTheLocalProviderSaysSoAndHowToGetIt() throws Exception {
        try (AsUser nobody = AsUser.prepare()) {
            for (String cmd : List.of("up", "down", "apply")) {
                ExecResult r = nobody.run("nobody", Olab.class.getName(), List.of(cmd, lab("in-local.yaml")), Duration.ofMinutes(2));
                Outcome o = new Outcome(r.exitCode(), r.stdout() + r.stderr());
                assertExplained(o, 1, "olab " + cmd + ": the local provider needs root", "run as root or use sudo");
                assertThat(o.text()).doesNotContain("master", "node1");
            }
            // doctor: every fact that fails has its own fix, and root's is about root
            ExecResult doctor = nobody.run("nobody", Olab.class.getName(), List.of("doctor"), Duration.ofMinutes(2));
            assertThat(doctor.stdout()).containsPattern("FAIL +root +not running as root \\(nspawn, bridges and iptables need it\\)\\s+fix: run olab with sudo");
            List<String> lines = doctor.stdout().lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).strip().startsWith("FAIL")) {
                    assertThat(lines.get(i + 1).strip()).as(lines.get(i)).startsWith("fix: ");
                }
            }
        }
    }
}
