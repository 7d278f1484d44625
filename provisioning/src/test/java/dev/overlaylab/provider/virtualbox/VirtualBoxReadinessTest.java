package dev.overlaylab.provider.virtualbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.provider.Readiness;
import dev.overlaylab.provider.Readiness.Fact;
import dev.overlaylab.provider.Readiness.Level;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code olab doctor}'s VirtualBox facts, read from a fake VBoxManage and a fake host root. */
class VirtualBoxReadinessTest {
    @TempDir
    Path tmp;

    private Readiness check(boolean installed, Path hostRoot) {
        FakeVirtualBox fake = new FakeVirtualBox(Fixtures.V71);
        VirtualBoxContext ctx = FakeVBoxRig.context(FakeVBoxRig.settings(tmp).withHostRoot(hostRoot), fake, HostOs.LINUX, installed,
                "xenial.ova");
        return new VirtualBoxReadiness(ctx, new VirtualBoxProvider(ctx)::driver, List.of("ubuntu-16.04")).check();
    }

    private static Fact fact(Readiness r, String name) {
        return r.facts().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(
                "no fact '" + name + "' in " + r.facts()));
    }

    @Test
    void noVirtualBoxIsOneFailWithWhereItWasLookedFor() {
        Readiness r = check(false, tmp);

        assertThat(r.ready()).isFalse();
        assertThat(r.facts()).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo("VBoxManage");
            assertThat(f.level()).isEqualTo(Level.FAIL);
            assertThat(f.fix()).contains("install VirtualBox 6.1 or newer");
        });
    }

    @Test
    void missingKernelDriversFailWithTheFixWhileEverythingElseIsStillShown() throws IOException {
        Files.createDirectories(tmp.resolve("root/etc"));
        Files.writeString(tmp.resolve("root/etc/os-release"), "ID=ubuntu\nID_LIKE=debian\n");

        Readiness r = check(true, tmp.resolve("root"));

        assertThat(r.ready()).isFalse();
        assertThat(r.failures()).extracting(Fact::name).containsExactly("kernel drivers");
        assertThat(fact(r, "kernel drivers").fix()).startsWith("sudo apt install virtualbox-dkms");
        assertThat(fact(r, "version").detail()).isEqualTo("VirtualBox 7.1.4 ('7.1.4r165100'), driver VBoxDriver71");
        assertThat(fact(r, "allowed host-only ranges").detail()).startsWith("192.168.56.0/21 (VirtualBox's default");
        assertThat(fact(r, "free memory").level()).isEqualTo(Level.OK);
        assertThat(fact(r, "base images").level()).isEqualTo(Level.WARN);
        assertThat(fact(r, "base images").detail()).isEqualTo("none here; not here: xenial.ova (ubuntu-16.04) (a lab needs only its profile's)");
    }

    /** The fake host root's /dev as it is with VirtualBox's kernel drivers loaded. */
    private void driversLoaded() throws IOException {
        Files.createDirectories(tmp.resolve("root/dev"));
        Files.createFile(tmp.resolve("root/dev/vboxdrv"));
        Files.createFile(tmp.resolve("root/dev/vboxnetctl"));
    }

    @Test
    void loadedDriversAndTheDefaultRangeAreReady() throws IOException {
        driversLoaded();

        Readiness r = check(true, tmp.resolve("root"));

        assertThat(r.ready()).as(r.facts().toString()).isTrue();
        assertThat(fact(r, "kernel drivers").detail()).isEqualTo("/dev/vboxdrv and /dev/vboxnetctl present");
    }

    @Test
    void aNetworksConfWithoutTheSeedsNetworkIsAWarningAndAnEmptyOneAFailure() throws IOException {
        driversLoaded();
        Files.writeString(tmp.resolve("networks.conf"), "* 10.0.0.0/8\n");

        Fact tenOnly = fact(check(true, tmp.resolve("root")), "allowed host-only ranges");
        assertThat(tenOnly.level()).isEqualTo(Level.WARN);
        assertThat(tenOnly.fix()).contains("add 192.168.56.0/24 to a '*' line of " + tmp.resolve("networks.conf"));

        Files.writeString(tmp.resolve("networks.conf"), "# nothing\n");
        assertThat(fact(check(true, tmp.resolve("root")), "allowed host-only ranges").level()).isEqualTo(Level.FAIL);
    }
}
