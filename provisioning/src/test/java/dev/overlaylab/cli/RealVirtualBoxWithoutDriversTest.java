package dev.overlaylab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.testsupport.Prereq;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new user with a real VirtualBox 7.2 and no kernel modules runs {@code olab up} of the seeds' lab:
 * it must be refused before anything is created, naming the missing drivers and Debian's fix, and
 * leave VirtualBox as it was. Runs the real {@code olab} command line in its own JVM with the
 * repository's VBoxManage wrapper ({@code .ci/virtualbox/VBoxManage}: the real 7.2.22 of a Debian sid
 * chroot, through Debian's own start-up script) first on PATH, exactly as a user's shell would.
 */
@Tag("integration")
class RealVirtualBoxWithoutDriversTest {
    private static final Path CHROOT = Path.of(System.getenv().getOrDefault("OLAB_VBOX_CHROOT",
            "/var/cache/overlay-lab/virtualbox/sid-chroot"));

    @TempDir
    Path tmp;

    @Test
    void upOfTheSeedsLabIsRefusedBeforeAnythingIsCreated() throws Exception {
        Path repo = repository();
        Path wrapper = repo.resolve(".ci/virtualbox/VBoxManage");
        Prereq.requireRoot();
        Prereq.require(Files.isExecutable(wrapper), "needs the VBoxManage wrapper " + wrapper);
        Prereq.require(Files.exists(CHROOT.resolve(".olab-complete")), "needs the VirtualBox chroot " + CHROOT
                + " (.ci/virtualbox/build-chroot.sh builds it)");
        Assumptions.assumeFalse(Files.exists(Path.of("/dev/vboxdrv")),
                "this host has VirtualBox's kernel drivers loaded; the test is about a host without them");
        String path = wrapper.getParent() + ":" + System.getenv("PATH");
        List<String> vmsBefore = vms(wrapper);
        List<String> interfacesBefore = hostOnlyIfs(wrapper);

        Run up = olab(path, "up", repo.resolve("examples/two-node-vbox.yaml").toString());

        assertThat(up.exit).as(up.all()).isEqualTo(1);
        assertThat(up.all())
                .contains("VirtualBox cannot start lab 'seeds-lab' (nothing was created)")
                .contains("VirtualBox's kernel drivers are not loaded (/dev/vboxdrv and /dev/vboxnetctl do not exist)")
                .contains("sudo apt install virtualbox-dkms linux-headers-$(uname -r), then sudo modprobe vboxdrv vboxnetadp"
                        + " vboxnetflt")
                .doesNotContain("vboxconfig")
                .doesNotContain("check that master is running")
                .doesNotContain("fix the cause shown")
                .doesNotContain("hostonlyif create");
        assertThat(vms(wrapper)).as("no VM registered").isEqualTo(vmsBefore);
        assertThat(hostOnlyIfs(wrapper)).as("no host-only interface made").isEqualTo(interfacesBefore);
    }

    @Test
    void doctorNamesTheVersionTheMissingDriversAndTheFix() throws Exception {
        Path repo = repository();
        Path wrapper = repo.resolve(".ci/virtualbox/VBoxManage");
        Prereq.requireRoot();
        Prereq.require(Files.exists(CHROOT.resolve(".olab-complete")), "needs the VirtualBox chroot " + CHROOT);
        Assumptions.assumeFalse(Files.exists(Path.of("/dev/vboxdrv")), "this host has VirtualBox's kernel drivers loaded");

        Run doctor = olab(wrapper.getParent() + ":" + System.getenv("PATH"), "doctor", "--provider", "virtualbox");

        assertThat(doctor.exit).as(doctor.all()).isEqualTo(1);
        assertThat(doctor.out).contains("virtualbox: NOT READY")
                .containsPattern("ok +version +VirtualBox 7\\.2\\.22 \\('7\\.2\\.22_Debianr175245'\\), driver VBoxDriver72")
                .containsPattern("FAIL +kernel drivers +/dev/vboxdrv and /dev/vboxnetctl do not exist")
                .contains("fix: sudo apt install virtualbox-dkms linux-headers-$(uname -r), then sudo modprobe vboxdrv"
                        + " vboxnetadp vboxnetflt")
                .doesNotContain("WARNING: The character device");
    }

    @Test
    void commandsThatNeedNoDriverStillWork() throws Exception {
        Path repo = repository();
        Path wrapper = repo.resolve(".ci/virtualbox/VBoxManage");
        Prereq.requireRoot();
        Prereq.require(Files.exists(CHROOT.resolve(".olab-complete")), "needs the VirtualBox chroot " + CHROOT);
        String path = wrapper.getParent() + ":" + System.getenv("PATH");

        // the seeds' lab was never made here: down has nothing to remove, and says so instead of refusing VirtualBox
        Run down = olab(path, "down", repo.resolve("examples/two-node-vbox.yaml").toString());

        assertThat(down.exit).as(down.all()).isZero();
        assertThat(down.all()).doesNotContain("kernel driver").doesNotContain("WARNING: The character device");
    }

    private record Run(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private Run olab(String path, String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Olab.class.getName()));
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv).directory(tmp.toFile());
        Map<String, String> env = pb.environment();
        env.put("PATH", path);
        env.put("XDG_DATA_HOME", tmp.resolve("data").toString()); // the lab state and keys of this run only
        env.put("NO_COLOR", "1");
        pb.redirectOutput(tmp.resolve("out.txt").toFile()).redirectError(tmp.resolve("err.txt").toFile());
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("olab " + String.join(" ", args) + " did not finish in 180 s");
        }
        return new Run(p.exitValue(), Files.readString(tmp.resolve("out.txt")), Files.readString(tmp.resolve("err.txt")));
    }

    private static List<String> vms(Path wrapper) throws IOException, InterruptedException {
        return lines(wrapper, "list", "vms");
    }

    private static List<String> hostOnlyIfs(Path wrapper) throws IOException, InterruptedException {
        return lines(wrapper, "list", "hostonlyifs").stream().filter(l -> l.startsWith("Name:")).toList();
    }

    private static List<String> lines(Path wrapper, String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(wrapper.toString()));
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("VBoxManage " + String.join(" ", args) + " failed: " + out);
        }
        // other helpers' VMs come and go meanwhile; ours are the seeds-lab ones
        return out.lines().filter(l -> l.contains("seeds-lab") || l.startsWith("Name:")).toList();
    }

    /** The repository root: the folder above the module that holds .ci/virtualbox. */
    static Path repository() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve(".ci/virtualbox"))) {
                return p;
            }
        }
        throw new AssertionError("no .ci/virtualbox above " + Path.of("").toAbsolutePath());
    }
}
