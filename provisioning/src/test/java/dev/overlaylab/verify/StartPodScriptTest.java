package dev.overlaylab.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.exec.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@link NodeCommands#startPod} with the real {@code /bin/sh}, with {@code docker} and {@code ps} replaced by
 * hand-written scripts on PATH that log their calls: which pod an earlier verify left is taken again, and which is
 * replaced by a new {@code docker run}. The inspect line is the form docker 20.10 (Debian 12's docker.io) prints
 * for that template (hand-written). The pod an earlier verify noted is a real process of this machine whose command
 * line holds the pod's, with {@code nsenter} (the address in its network namespace) and {@code ps} replaced.
 */
class StartPodScriptTest {
    private static final String IMAGE = "olab/busybox";
    private static final String ID = "3f1c2a9be0d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1";
    private static final String NEW_ID = "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d";

    @TempDir
    Path bin;

    private void tool(String name, String body) throws IOException {
        Path p = bin.resolve(name);
        Files.writeString(p, "#!/bin/sh\necho \"" + name + " $*\" >> " + bin.resolve("calls") + "\n" + body);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** docker: the leftover pod as {@code existing} describes it (empty: none), images present or not. */
    private void docker(String existing, boolean image) throws IOException {
        tool("systemctl", "[ \"$*\" = 'is-active -q docker' ]\n");
        tool("docker", """
                case "$1 $2" in
                  "inspect -f")
                    case "$3" in
                      *Running*) [ -n '%1$s' ] || { echo 'Error: No such object: olab-verify-pod' >&2; exit 1; }; echo '%1$s' ;;
                      *) echo "10.1.35.3 5151 %2$s" ;;
                    esac ;;
                  "rm -f") exit 0 ;;
                  "run -d") %3$s ;;
                esac
                """.formatted(existing, NEW_ID, image ? "echo " + NEW_ID
                        // docker 20.10's words for a missing image with --pull=never (recorded on a lab node)
                        : "echo 'docker: Error response from daemon: No such image: olab/busybox:latest.' >&2; echo \"See 'docker run --help'.\" >&2; exit 125"));
    }

    private Path record() {
        return bin.resolve("record");
    }

    private ExecResult run() {
        return new ProcessRunner().run(List.of("/bin/sh", "-c", NodeCommands.startPod(IMAGE, "node1", record().toString())),
                Map.of("PATH", bin + ":/usr/bin:/bin"), Duration.ofSeconds(10));
    }

    private String calls() throws IOException {
        return Files.readString(bin.resolve("calls"));
    }

    @Test
    void aYoungRunningPodOfTheSameImageIsTakenAgainWithoutADockerRun() throws IOException {
        docker("true olab/busybox 10.1.35.2 4242 " + ID, true);
        tool("ps", "[ \"$*\" = '-o etimes= -p 4242' ] && echo '     37'\n");
        ExecResult r = run();
        assertThat(r.exitCode()).isZero();
        assertThat(VerifyPod.parse(r.stdout())).contains(new VerifyPod("10.1.35.2", 4242, ID, OptionalInt.of(37)));
        assertThat(calls()).doesNotContain("docker run").doesNotContain("docker rm");
    }

    @Test
    void aPodNearTheEndOfItsLifeIsReplaced() throws IOException {
        docker("true olab/busybox 10.1.35.2 4242 " + ID, true);
        tool("ps", "echo " + NodeCommands.POD_KEEP_SECONDS + "\n");
        assertNewPod(run());
    }

    @Test
    void aPodOfAnotherImageIsReplaced() throws IOException {
        docker("true olab/other 10.1.35.2 4242 " + ID, true);
        tool("ps", "echo 5\n");
        assertNewPod(run());
    }

    @Test
    void aStoppedPodIsReplaced() throws IOException {
        docker("false olab/busybox  0 " + ID, true);
        tool("ps", "echo 5\n");
        assertNewPod(run());
    }

    @Test
    void withoutPsNothingIsKept() throws IOException {
        docker("true olab/busybox 10.1.35.2 4242 " + ID, true);
        tool("ps", "echo 'ps: not found' >&2; exit 127\n");
        assertNewPod(run());
    }

    @Test
    void withoutAnyPodANewOneStartsWithoutRemovingAnything() throws IOException {
        docker("", true);
        tool("ps", "exit 1\n");
        ExecResult r = run();
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(VerifyPod.parse(r.stdout())).contains(new VerifyPod("10.1.35.3", 5151, NEW_ID));
        assertThat(calls()).doesNotContain("docker rm").doesNotContain("docker image").contains("docker run -d");
    }

    @Test
    void aRunThatFailsForAnotherReasonKeepsDockersWordsAndExitCode() throws IOException {
        docker("", true);
        tool("ps", "exit 1\n");
        Files.writeString(bin.resolve("docker"), Files.readString(bin.resolve("docker")).replace("\"run -d\") echo " + NEW_ID,
                "\"run -d\") echo 'docker: Error response from daemon: failed to create endpoint olab-verify-pod' >&2; exit 126"));
        ExecResult r = run();
        assertThat(r.exitCode()).isEqualTo(126);
        assertThat(r.stderr()).contains("failed to create endpoint");
    }

    @Test
    void aMissingImageIsSaidWithItsOwnExitCodeAndNothingIsRun() throws IOException {
        docker("", false);
        tool("ps", "exit 1\n");
        ExecResult r = run();
        assertThat(r.exitCode()).isEqualTo(NodeCommands.NO_POD_IMAGE);
        assertThat(r.stderr()).contains("no pod image olab/busybox");
        assertThat(calls()).doesNotContain("docker inspect -f {{.NetworkSettings");
    }

    @Test
    void dockerNotActiveRunsNoDockerCommandAtAll() throws IOException {
        // any docker CLI call would wake docker.socket, and with it flanneld: verify must not repair what it checks
        docker("true olab/busybox 10.1.35.2 4242 " + ID, true);
        tool("systemctl", "[ \"$*\" = 'is-active -q docker' ] && exit 3\nexit 1\n");
        ExecResult r = run();
        assertThat(r.exitCode()).isEqualTo(NodeCommands.DOCKER_NOT_ACTIVE);
        assertThat(r.stderr()).contains("docker is not active");
        assertThat(calls()).contains("systemctl is-active -q docker").doesNotContain("docker ");
    }

    /** A process whose command line holds the pod's own for node1 (the pod's shell, as ps on a lab node shows it). */
    private static Process podLike() throws IOException {
        return new ProcessBuilder("/bin/sh", "-c", "true || echo olab-verify node1 > index.html; sleep 30").start();
    }

    private void eth0(String address) throws IOException {
        tool("nsenter", "echo \"5: eth0    inet " + address + "/24 brd 10.1.35.255 scope global eth0\\       valid_lft forever preferred_lft forever\"\n");
    }

    @Test
    void aNotedPodThatStillRunsIsTakenAgainWithoutAnyDockerCall() throws IOException {
        Process pod = podLike();
        try {
            docker("true olab/busybox 10.1.35.2 4242 " + ID, true);
            tool("ps", "[ \"$*\" = '-o etimes= -p " + pod.pid() + "' ] && echo '     12'\n");
            eth0("10.1.35.2");
            Files.writeString(record(), "10.1.35.2 " + pod.pid() + " " + ID + " " + IMAGE + "\n");
            ExecResult r = run();
            assertThat(r.exitCode()).as(r.stderr()).isZero();
            assertThat(r.stderr()).isEmpty();
            assertThat(VerifyPod.parse(r.stdout())).contains(new VerifyPod("10.1.35.2", pod.pid(), ID, OptionalInt.of(12)));
            assertThat(calls()).doesNotContain("docker ").contains("nsenter -t " + pod.pid() + " -n ip -4 -o addr show dev eth0");
        } finally {
            pod.destroyForcibly();
        }
    }

    @Test
    void aNotedPodIsNotTakenWhenItsNetworkHoldsAnotherAddressOrItsProcessIsAnotherOne() throws IOException {
        Process pod = podLike();
        try {
            docker("", true);
            tool("ps", "echo 12\n");
            eth0("10.1.35.9");   // docker gave the pod's process id's namespace another address: not the noted pod
            Files.writeString(record(), "10.1.35.2 " + pod.pid() + " " + ID + " " + IMAGE + "\n");
            assertThat(run().exitCode()).isZero();
            assertThat(calls()).contains("docker run -d");

            Files.writeString(bin.resolve("calls"), "");
            eth0("10.1.35.2");
            Files.writeString(record(), "10.1.35.2 " + ProcessHandle.current().pid() + " " + ID + " " + IMAGE + "\n");   // not the pod's command line
            assertThat(run().exitCode()).isZero();
            assertThat(calls()).contains("docker run -d").doesNotContain("nsenter");
        } finally {
            pod.destroyForcibly();
        }
    }

    @Test
    void theNoteNamesTheNewPodOrThePodDockerSaysRuns() throws IOException {
        docker("", true);
        tool("ps", "exit 1\n");
        Files.writeString(record(), "10.1.35.2 1 " + ID + " olab/other\n");   // another image: never taken
        assertThat(run().exitCode()).isZero();
        assertThat(Files.readString(record())).isEqualTo("10.1.35.3 5151 " + NEW_ID + " " + IMAGE + "\n");

        docker("true olab/busybox 10.1.35.2 4242 " + ID, true);
        tool("ps", "echo 37\n");
        Files.delete(record());
        assertThat(run().exitCode()).isZero();
        assertThat(Files.readString(record())).isEqualTo("10.1.35.2 4242 " + ID + " " + IMAGE + "\n");
    }

    private void assertNewPod(ExecResult r) throws IOException {
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(VerifyPod.parse(r.stdout())).contains(new VerifyPod("10.1.35.3", 5151, NEW_ID));
        assertThat(calls()).contains("docker rm -f " + NodeCommands.POD).contains("docker run -d --rm --pull=never --stop-timeout 1 --name "
                + NodeCommands.POD + " -w /www " + IMAGE + " sh -c echo olab-verify node1 > index.html; httpd -p 8080 -h /www;"
                + " trap 'exit 0' TERM INT; sleep " + NodeCommands.POD_LIFE_SECONDS + " & wait");
    }
}
