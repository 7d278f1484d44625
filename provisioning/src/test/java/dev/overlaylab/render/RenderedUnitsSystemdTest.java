package dev.overlaylab.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.exec.ProcessRunner;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.LabLoader;
import dev.overlaylab.model.Profile;
import dev.overlaylab.model.Profiles;
import dev.overlaylab.render.kube.Pki;
import dev.overlaylab.testsupport.Prereq;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * systemd itself reads the rendered units and the docker drop-in ({@code systemd-analyze verify}):
 * unknown keys, bad syntax or a broken drop-in fail here, before any node sees them. The only
 * complaint allowed is that the daemons' binaries are not installed on this machine.
 */
@Tag("integration")
class RenderedUnitsSystemdTest {
    @TempDir
    Path units;

    @ParameterizedTest
    @ValueSource(strings = {"two-node-vbox", "two-node-local", "three-node-hostgw", "kube-local"})
    void systemdAcceptsEveryRenderedUnit(String labName) throws Exception {
        Path analyze = Prereq.requireProgram("systemd-analyze");
        Lab lab = switch (labName) {
            case "two-node-vbox" -> TestLabs.twoNodeVbox();
            case "two-node-local" -> TestLabs.twoNodeLocal();
            // the master of a Kubernetes lab on nspawn nodes: the control plane's units, kubelet's, kube-proxy's, node-prep
            case "kube-local" -> LabLoader.parse("name: kube-local\nprovider: local\nprofile: debian-12-nspawn\n"
                    + "network: {cidr: 192.168.82.0/24}\nflannel: {network: 10.81.0.0/16}\nkubernetes: {}\n", Optional.empty());
            default -> TestLabs.threeNodeHostGw();
        };
        Profile profile = lab.kubernetes().isPresent() ? Profiles.of(lab) : TestLabs.profileOf(lab);
        RenderedLab rendered = Renderer.builtIn().withKubePki(new Pki(units.resolveSibling(units.getFileName() + "-pki")))
                .render(lab, profile);
        List<String> argv = new ArrayList<>(List.of(analyze.toString(), "verify", "--man=no"));
        for (RenderedFile f : rendered.filesOf(lab.master().name())) {
            if (f.isSystemdUnit()) {
                Path target = units.resolve(f.path().substring("/etc/systemd/system/".length()));
                Files.createDirectories(target.getParent());
                Files.writeString(target, f.content());
                if (target.getParent().equals(units)) {
                    argv.add(target.toString());
                }
            }
        }
        // a stand-in for the distribution's docker.service, so the drop-in is read as systemd reads it
        Files.writeString(units.resolve("docker.service"), "[Service]\nExecStart=/bin/true\n");
        argv.add(units.resolve("docker.service").toString());

        ExecResult r = new ProcessRunner().run(argv, Duration.ofSeconds(60));

        List<String> complaints = r.stderr().lines()
                .filter(l -> !l.isBlank())
                .filter(l -> !l.matches(".*Command (/usr/local/bin/flanneld|/usr/s?bin/dockerd|/usr/bin/docker"
                        + "|/usr/local/bin/kube-[a-z-]+|/usr/local/bin/kubelet) is not executable.*"))
                .toList();
        assertThat(complaints).as("systemd-analyze verify on %s's units (exit %d)", labName, r.exitCode()).isEmpty();
        // the drop-in was read: docker.service now runs the profile's daemon, not the stand-in's /bin/true
        String daemon = profile.dockerd().split(" ")[0];
        assertThat(r.stderr()).contains("docker.service: Command " + daemon + " is not executable");
    }
}
