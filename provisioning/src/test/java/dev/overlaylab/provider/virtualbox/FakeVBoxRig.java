package dev.overlaylab.provider.virtualbox;

import dev.overlaylab.model.Lab;
import dev.overlaylab.progress.ProgressEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the VirtualBox provider's unit tests share (nothing runs VirtualBox): the provider wired to a
 * {@link FakeVirtualBox}, with lab state, Vagrant folder and networks.conf under the test's temporary
 * folder {@link #tmp}; the fake's VBoxManage found at {@value FakeVirtualBox#PROGRAM} (or nowhere, when
 * VirtualBox is "not installed"); every profile the seeds' Ubuntu 16.04 guest with the box named; no
 * guest login; every port free; each node's SSH answering at once with {@link #BANNER}. A test class
 * that extends it also gets the seeds' two-node lab {@link #seeds}, its file beside its appliance, and
 * {@link #events}, what the provider reported; one that wires the context itself uses
 * {@link #settings} and {@link #context}.
 */
abstract class FakeVBoxRig {
    /** What the seeds' Ubuntu 16.04 guest's sshd says first (as in SshBannerWaitTest). */
    static final String BANNER = "SSH-2.0-OpenSSH_7.2p2 Ubuntu-4ubuntu2.10";

    @TempDir
    Path tmp;
    /** The seeds' lab on 192.168.56.0/24, its file in {@code tmp/lab} beside its appliance {@code xenial.ova}. */
    Lab seeds;
    final List<ProgressEvent> events = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void seedsLab() throws IOException {
        Path labDir = Files.createDirectories(tmp.resolve("lab"));
        Files.writeString(labDir.resolve("xenial.ova"), "an appliance"); // a few bytes: the fake imports nothing
        seeds = TestLabs.seeds("192.168.56.0/24", Optional.of(labDir.resolve("two-node-vbox.yaml")));
    }

    /** On a Linux host with VirtualBox installed. */
    VirtualBoxProvider provider(FakeVirtualBox fake) {
        return provider(fake, HostOs.LINUX, true);
    }

    /** The profile's box is the seeds' {@code xenial.ova}. */
    VirtualBoxProvider provider(FakeVirtualBox fake, HostOs os, boolean installed) {
        return new VirtualBoxProvider(context(settings(tmp), fake, os, installed, "xenial.ova"));
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
}
