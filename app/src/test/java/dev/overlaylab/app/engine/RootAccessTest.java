package dev.overlaylab.app.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.overlaylab.app.engine.RootAccess.Way;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.progress.ProgressListener;
import dev.overlaylab.provider.Provider;
import dev.overlaylab.provider.Readiness;
import dev.overlaylab.provider.Readiness.Fact;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** How the app, as a normal user, gets root for a local lab: the decision from facts, and the command line it builds. */
class RootAccessTest {
    private static final Map<String, String> DESKTOP = Map.of("DISPLAY", ":0");
    private static final List<String> OLAB = List.of("/opt/overlay-lab/bin/overlay-lab", "--data-dir", "/home/ann/.local/share/overlay-lab",
            "up", "/home/ann/labs/in.yaml", "--json");

    private static Function<String, Optional<Path>> has(String... programs) {
        return name -> List.of(programs).contains(name) ? Optional.of(Path.of("/usr/bin", name)) : Optional.empty();
    }

    private static RootAccess decide(boolean root, Map<String, String> env, Function<String, Optional<Path>> onPath,
            List<Path> executables, boolean nopasswd, AtomicInteger sudoAsked) {
        return RootAccess.decide(root, "ann", env, onPath, executables::contains, () -> {
            sudoAsked.incrementAndGet();
            return nopasswd;
        });
    }

    @Test
    void asRootNothingIsWrappedAndNothingNeedsSaying() {
        AtomicInteger asked = new AtomicInteger();
        RootAccess r = decide(true, DESKTOP, has("pkexec", "sudo"), List.of(), true, asked);
        assertThat(r.way()).isEqualTo(Way.NOT_NEEDED);
        assertThat(r.needed()).isFalse();
        assertThat(r.wrap(OLAB)).isEqualTo(OLAB);
        assertThat(r.explanation("x.yaml")).isEmpty();
        assertThat(asked).hasValue(0);
    }

    @Test
    void pkexecInADesktopSessionComesFirstAndSudoIsNotAsked() {
        AtomicInteger asked = new AtomicInteger();
        RootAccess r = decide(false, DESKTOP, has("pkexec", "sudo"), List.of(Path.of("/usr/bin/ssh-askpass")), true, asked);
        assertThat(r.way()).isEqualTo(Way.PKEXEC);
        assertThat(r.wrap(OLAB)).startsWith("/usr/bin/pkexec", "/opt/overlay-lab/bin/overlay-lab", "--data-dir").endsWith("up",
                "/home/ann/labs/in.yaml", "--json");
        assertThat(r.env()).isEmpty();
        assertThat(r.explanation("in.yaml")).get().asString()
                .contains("needs root", "systemd-nspawn", "iptables", "runs as ann", "pkexec", "administrator's password");
        assertThat(asked).hasValue(0);
        // Wayland counts as a desktop too
        assertThat(decide(false, Map.of("WAYLAND_DISPLAY", "wayland-0"), has("pkexec"), List.of(), false, asked).way())
                .isEqualTo(Way.PKEXEC);
    }

    @Test
    void withoutADesktopPkexecIsPassedOverForSudo() {
        AtomicInteger asked = new AtomicInteger();
        RootAccess r = decide(false, Map.of(), has("pkexec", "sudo"), List.of(), true, asked);
        assertThat(r.way()).isEqualTo(Way.SUDO_NOPASSWD);
        assertThat(r.wrap(OLAB)).startsWith("/usr/bin/sudo", "-n", "--", "/opt/overlay-lab/bin/overlay-lab");
        assertThat(r.explanation("in.yaml")).get().asString().contains("sudo", "without a password");
        assertThat(asked).hasValue(1);
    }

    @Test
    void sudoAskpassFromTheEnvironmentOrTheSystemsSshAskpass() {
        AtomicInteger asked = new AtomicInteger();
        Path mine = Path.of("/home/ann/bin/askpass");
        RootAccess named = decide(false, Map.of("SUDO_ASKPASS", mine.toString()), has("sudo"), List.of(mine), false, asked);
        assertThat(named.way()).isEqualTo(Way.SUDO_ASKPASS);
        assertThat(named.wrap(OLAB)).startsWith("/usr/bin/sudo", "-A", "--", "/opt/overlay-lab/bin/overlay-lab");
        assertThat(named.env()).containsExactly(Map.entry("SUDO_ASKPASS", mine.toString()));

        RootAccess system = decide(false, DESKTOP, has("sudo"), List.of(Path.of("/usr/bin/ssh-askpass")), false, asked);
        assertThat(system.way()).isEqualTo(Way.SUDO_ASKPASS);
        assertThat(system.env()).containsExactly(Map.entry("SUDO_ASKPASS", "/usr/bin/ssh-askpass"));
        assertThat(system.explanation("in.yaml")).get().asString().contains("/usr/bin/ssh-askpass");
        // a SUDO_ASKPASS that is not a program is no way to ask
        RootAccess broken = decide(false, Map.of("SUDO_ASKPASS", "/nowhere"), has("sudo"), List.of(), false, asked);
        assertThat(broken.way()).isEqualTo(Way.NONE);
        assertThat(asked).hasValue(1);
    }

    @Test
    void noWayIsRefusedWithWhatToInstallAndWhatToType() {
        AtomicInteger asked = new AtomicInteger();
        RootAccess r = decide(false, DESKTOP, has("sudo"), List.of(), false, asked);
        assertThat(r.way()).isEqualTo(Way.NONE);
        assertThat(r.possible()).isFalse();
        assertThat(r.explanation("/home/ann/labs/in.yaml")).get().asString()
                .contains("needs root", "running as ann", "apt-get install pkexec",
                        "sudo olab up /home/ann/labs/in.yaml");
        assertThatThrownBy(() -> r.wrap(OLAB)).hasMessageContaining("apt-get install pkexec");
        RootAccess bare = decide(false, DESKTOP, has(), List.of(), false, asked);
        assertThat(bare.explanation()).contains("neither pkexec nor sudo is installed");
    }

    @Test
    void theLocalProviderIsUsableAsAUserWhenRootIsTheOnlyThingMissingAndRootCanBeHad() {
        AtomicInteger asked = new AtomicInteger();
        Provider onlyRootMissing = local(Fact.fail("root", "not running as root", "run olab with sudo"), Fact.ok("systemd-nspawn", "/usr/bin"));
        Provider nspawnMissing = local(Fact.fail("root", "not running as root", "run olab with sudo"),
                Fact.fail("systemd-nspawn", "not installed", "sudo apt-get install systemd-container"));
        RootAccess pkexec = decide(false, DESKTOP, has("pkexec"), List.of(), false, asked);
        RootAccess none = decide(false, DESKTOP, has(), List.of(), false, asked);

        assertThat(pkexec.unavailableReason(onlyRootMissing)).isEmpty();
        // a password does not install systemd-nspawn: that is the reason, with its own fix
        assertThat(pkexec.unavailableReason(nspawnMissing)).get().asString()
                .contains("systemd-nspawn", "not installed", "apt-get install systemd-container").doesNotContain("root");
        assertThat(none.unavailableReason(onlyRootMissing)).get().asString().contains("needs root", "install pkexec");
        // as root, the provider's own reason stands
        RootAccess root = decide(true, DESKTOP, has(), List.of(), false, asked);
        assertThat(root.unavailableReason(onlyRootMissing)).contains("the provider's own reason");
    }

    private static Provider local(Fact... facts) {
        return new Provider() {
            @Override
            public String id() {
                return "local";
            }

            @Override
            public Optional<String> unavailableReason() {
                return Optional.of("the provider's own reason");
            }

            @Override
            public Readiness readiness() {
                return new Readiness("local", List.of(facts));
            }

            @Override
            public List<dev.overlaylab.provider.Removal> downPreview(Lab lab) {
                return List.of();
            }

            @Override
            public List<String> plan(Lab lab) {
                return List.of();
            }

            @Override
            public List<Node> up(Lab lab, ProgressListener progress) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<Node> endpoints(Lab lab) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void down(Lab lab, ProgressListener progress) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
