package dev.overlaylab.provider.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.compose.DiagnoseAndFix;
import dev.overlaylab.compose.Wiring;
import dev.overlaylab.diagnose.Finding;
import dev.overlaylab.diagnose.VerifyAndDiagnose.Outcome;
import dev.overlaylab.engine.Failure;
import dev.overlaylab.engine.RunOptions;
import dev.overlaylab.engine.RunResult;
import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.LabLoader;
import dev.overlaylab.model.Profiles;
import dev.overlaylab.progress.ProgressListener;
import dev.overlaylab.render.RenderedLab;
import dev.overlaylab.render.Renderer;
import dev.overlaylab.ssh.NodeShell;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The diagnoser's exam on one real lab, shared by the tests that make faults by hand on nspawn nodes
 * ({@code DiagnoseOnALocalLabTest}, {@code FaultsOnALocalLabTest}, {@code KubernetesDiagnoseOnALocalLabTest}):
 * {@code up}, {@code olab diagnose}, {@code --fix [--force]} and a root shell on a node, each asserting what every
 * one of those tests asserts (no failed step; exactly the expected finding; green after a fix), and printing its
 * time under the test's tag. What a test checks beyond that stays in the test.
 */
final class LabExam {
    final Lab lab;
    final LocalLabRig rig;
    final DiagnoseAndFix doctor;
    final RenderedLab rendered;
    private final String tag;
    private final Duration commandBound;

    private LabExam(Lab lab, LocalLabRig rig, String tag, Duration commandBound) throws Exception {
        this.lab = lab;
        this.rig = rig;
        this.doctor = new DiagnoseAndFix(rig.shells(), Wiring.ETCD.ports(), rig.engine());
        this.rendered = Renderer.builtIn().render(lab, Profiles.of(lab));
        this.tag = tag;
        this.commandBound = commandBound;
    }

    /**
     * The two-node vxlan lab both flannel exams start from (the seeds' lab on local nodes, every verify option on):
     * its name, its host-only {@code /24} given by its first three octets, and the two nodes' last octets.
     */
    static String twoNodeVxlanLab(String name, String net, int masterHost) {
        return """
                name: %1$s
                provider: local
                profile: debian-12-nspawn
                network:
                  cidr: %2$s.0/24
                nodes:
                  - {name: master, ip: %2$s.%3$d}
                  - {name: node1, ip: %2$s.%4$d}
                flannel:
                  version: 0.28.9
                  network: 10.1.0.0/16
                  subnetLen: 24
                  backend: {type: vxlan, VNI: 1, Port: 8472}
                  binary: {file: %5$s}
                docker:
                  mtu: flannel
                verify: {pods: true, http: true, mtuProbe: true}
                """.formatted(name, net, masterHost, masterHost + 1, LocalLabRig.FLANNELD);
    }

    /** The lab file's text; prerequisites as {@link LocalLabRig#open}; {@code sh} commands bounded by {@code commandBound}. */
    static LabExam open(String labYaml, Path tmp, String tag, Duration commandBound) throws Exception {
        Lab lab = LabLoader.parse(labYaml, Optional.empty());
        return new LabExam(lab, LocalLabRig.open(lab, tmp), tag, commandBound);
    }

    /** {@code olab up}: every step must succeed. */
    RunResult up(String why, ProgressListener progress) {
        long t = System.nanoTime();
        RunResult r = rig.engine().up(lab, rendered, rig.provider(), RunOptions.defaults(), progress);
        System.out.printf("[%s] up (%s): %d ms, %d changed, restarts %s%n", tag, why, ms(t), r.changed(), r.restarts());
        assertThat(r.failures()).as(why + ": " + r.failures().stream().map(Failure::describe).collect(Collectors.joining("\n"))).isEmpty();
        return r;
    }

    /** {@code olab diagnose}: the evidence script on every node, the matrix, then the rules. */
    Outcome diagnose(String what) {
        long t = System.nanoTime();
        Outcome o = doctor.diagnose(lab, rig.provider(), ProgressListener.NONE);
        System.out.printf("[%s] diagnose %s: %d ms, %d checks, %d failed%n", tag, what, ms(t), o.report().results().size(),
                o.report().failures().size());
        return o;
    }

    /** Diagnose finds exactly one finding, with that id, whose cause is one line and has evidence; it is printed. */
    Finding expectOnly(String id, String injected) {
        Outcome o = diagnose(injected);
        String shown = o.findings().stream().map(LabExam::show).collect(Collectors.joining("\n"));
        System.out.println(shown);
        assertThat(o.passed()).as(injected + ": some check must fail").isFalse();
        assertThat(o.findings()).as(shown).extracting(Finding::id).containsExactly(id);
        Finding f = o.findings().get(0);
        assertThat(f.cause()).doesNotContain("\n");
        assertThat(f.evidence()).isNotEmpty();
        return f;
    }

    /** Cause, evidence and fix of a finding as one text, for "it says the telling words". */
    static String text(Finding f) {
        return f.cause() + "\n" + String.join("\n", f.evidence()) + "\n" + f.fix();
    }

    /**
     * {@code olab diagnose --fix [--force]} on what diagnose finds now: every command it applied succeeded, the
     * {@code up} it ran had no failed step, and the matrix after it is green with no finding.
     */
    DiagnoseAndFix.FixReport fix(boolean force, String why) {
        long t = System.nanoTime();
        DiagnoseAndFix.FixReport r = doctor.fix(lab, rendered, rig.provider(), diagnose("before the fix (" + why + ")").findings(), force,
                ProgressListener.NONE);
        System.out.printf("[%s] diagnose --fix%s (%s): %d ms, applied %s, up %s%n", tag, force ? " --force" : "", why, ms(t),
                r.applied().stream().map(a -> a.node() + ": " + a.command() + " → " + a.result().exitCode()).toList(),
                r.up().map(RunResult::summary).orElse("not run"));
        r.applied().forEach(a -> assertThat(a.result().exitCode()).as(a.command()).isZero());
        r.up().ifPresent(u -> assertThat(u.failures()).as(u.failures().stream().map(Failure::describe)
                .collect(Collectors.joining("\n"))).isEmpty());
        assertHealthy(r.after(), "after the fix (" + why + ")");
        return r;
    }

    /** No failed check and no finding, each failure named in the message. */
    static void assertHealthy(Outcome o, String when) {
        assertThat(o.report().failures()).as(when + ": failed checks " + o.report().failures().stream()
                .map(c -> c.where() + " " + c.id() + ": " + c.summary()).toList()).isEmpty();
        assertThat(o.findings()).as(when + ": findings " + o.findings().stream().map(LabExam::show).toList()).isEmpty();
    }

    /** Diagnose now, and it must be healthy. */
    void assertHealthy(String when) {
        assertHealthy(diagnose(when), when);
    }

    static String show(Finding f) {
        return "  [" + f.id() + (f.failureMode().isPresent() ? " #" + f.failureMode().getAsInt() : "") + "] " + f.cause() + "\n"
                + f.evidence().stream().map(e -> "      " + e + "\n").collect(Collectors.joining()) + "    fix: " + f.fix();
    }

    /** Runs a command line as root on the node over SSH; it must succeed. Returns stdout. */
    String sh(String node, String command) {
        var n = rig.provider().endpoints(lab).stream().filter(e -> e.name().equals(node)).findFirst().orElseThrow();
        try (NodeShell s = rig.shells().open(lab, n)) {
            ExecResult r = s.exec(command, commandBound);
            assertThat(r.exitCode()).as(node + ": " + command + "\n" + r.stdout() + r.stderr()).isZero();
            return r.stdout();
        }
    }

    /** {@code olab down}, then nothing of the lab is left ({@link LocalProviderTest#assertNothingLeft}). */
    void downAndCheckNothingLeft() throws Exception {
        long t = System.nanoTime();
        rig.provider().down(lab, ProgressListener.NONE);
        System.out.printf("[%s] down: %d ms%n", tag, ms(t));
        LocalProviderTest.assertNothingLeft(rig.names());
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
