package dev.overlaylab.provider.virtualbox;

import dev.overlaylab.model.Lab;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The VirtualBox provider as its unit tests drive it, wired to a {@link FakeVirtualBox} (nothing runs
 * VirtualBox): lab state, Vagrant folder and networks.conf under the test's temporary folder; the fake's
 * VBoxManage found at {@value FakeVirtualBox#PROGRAM}, or nowhere when VirtualBox is "not installed";
 * every profile the seeds' Ubuntu 16.04 guest with the box named; no guest login; every port free;
 * and each node's SSH answering at once with {@link #BANNER}. Plus the seeds' lab with its appliance.
 */
final class FakeVBoxRig {
    /** What the seeds' Ubuntu 16.04 guest's sshd says first (as in SshBannerWaitTest). */
    static final String BANNER = "SSH-2.0-OpenSSH_7.2p2 Ubuntu-4ubuntu2.10";

    private FakeVBoxRig() {
    }

    /** The seeds' two-node lab on 192.168.56.0/24, its file in {@code tmp/lab} beside its appliance {@code xenial.ova} (a few bytes: the fake imports nothing). */
    static Lab seeds(Path tmp) throws IOException {
        Path labDir = Files.createDirectories(tmp.resolve("lab"));
        Files.writeString(labDir.resolve("xenial.ova"), "an appliance");
        return TestLabs.seeds("192.168.56.0/24", Optional.of(labDir.resolve("two-node-vbox.yaml")));
    }

    /** Lab state in {@code tmp/state}; SSH ports from 2222; 300 s to boot, 60 s to shut down. */
    static VirtualBoxSettings settings(Path tmp) {
        return new VirtualBoxSettings(tmp.resolve("state"), tmp.resolve("vagrant"), tmp.resolve("networks.conf"),
                2222, Duration.ofSeconds(300), Duration.ofSeconds(60), Optional.empty());
    }

    /** {@code os} is the host the provider believes it runs on; VBoxManage is looked for as on Linux. */
    static VirtualBoxContext context(VirtualBoxSettings settings, FakeVirtualBox fake, HostOs os, boolean installed, String box) {
        VBoxManageLocator locator = new VBoxManageLocator(HostOs.LINUX, Map.of("PATH", "/usr/bin"),
                p -> installed && p.equals(Path.of(FakeVirtualBox.PROGRAM)));
        SshBannerWait ssh = new SshBannerWait(d -> { }, (host, port) -> Optional.of(BANNER));
        return new VirtualBoxContext(settings, fake, locator, os, name -> TestLabs.xenial(box), GuestLogin.NOT_WIRED,
                new PortPicker(p -> true), ssh, d -> { });
    }

    /** On a Linux host with VirtualBox installed, the profile's box the seeds' {@code xenial.ova}. */
    static VirtualBoxProvider provider(Path tmp, FakeVirtualBox fake) {
        return provider(tmp, fake, HostOs.LINUX, true);
    }

    static VirtualBoxProvider provider(Path tmp, FakeVirtualBox fake, HostOs os, boolean installed) {
        return new VirtualBoxProvider(context(settings(tmp), fake, os, installed, "xenial.ova"));
    }
}
