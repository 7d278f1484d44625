package dev.overlaylab.provider.virtualbox;

import dev.overlaylab.model.AllowedRanges;
import dev.overlaylab.ssh.AppDataDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Machine-local settings of the VirtualBox provider (not part of the lab file).
 *
 * @param stateDir      where per-lab state lives: {@code <stateDir>/<lab>/virtualbox.properties}
 * @param vagrantHome   Vagrant's folder ({@code ~/.vagrant.d}); boxes already downloaded there are imported from it
 * @param networksConf  VirtualBox's allowed host-only ranges file
 * @param firstSshPort  the SSH forward tried for the first node; node n tries {@code firstSshPort + n} first
 * @param bootTimeout   how long to wait for a node's SSH banner after start (300 s)
 * @param haltTimeout   how long to wait for an ACPI shutdown before pulling the plug (60 s)
 * @param bootstrapKey  the box's own private key used for the first login (Vagrant boxes: the insecure key)
 * @param hostRoot      where this host's facts are read ({@code /}: /dev/vboxdrv, /etc/os-release, Secure Boot);
 *                      empty where they must not be (a fake VirtualBox in tests): the drivers then count as loaded
 */
public record VirtualBoxSettings(
        Path stateDir,
        Path vagrantHome,
        Path networksConf,
        int firstSshPort,
        Duration bootTimeout,
        Duration haltTimeout,
        Optional<Path> bootstrapKey,
        Optional<Path> hostRoot) {

    /** Settings that do not look at this host's kernel drivers (tests with a fake VirtualBox). */
    public VirtualBoxSettings(Path stateDir, Path vagrantHome, Path networksConf, int firstSshPort, Duration bootTimeout,
            Duration haltTimeout, Optional<Path> bootstrapKey) {
        this(stateDir, vagrantHome, networksConf, firstSshPort, bootTimeout, haltTimeout, bootstrapKey, Optional.empty());
    }

    public static VirtualBoxSettings defaults() {
        Path home = Path.of(System.getProperty("user.home"));
        Path vagrant = Optional.ofNullable(System.getenv("VAGRANT_HOME")).map(Path::of).orElse(home.resolve(".vagrant.d"));
        Path insecure = vagrant.resolve("insecure_private_key");
        return new VirtualBoxSettings(AppDataDir.resolve().resolve("labs"), vagrant, AllowedRanges.NETWORKS_CONF,
                2222, Duration.ofSeconds(300), Duration.ofSeconds(60),
                Files.isRegularFile(insecure) ? Optional.of(insecure) : Optional.empty(), Optional.of(Path.of("/")));
    }

    public VirtualBoxSettings withStateDir(Path dir) {
        return new VirtualBoxSettings(dir, vagrantHome, networksConf, firstSshPort, bootTimeout, haltTimeout, bootstrapKey, hostRoot);
    }

    /** The same settings reading this host's facts under {@code root} ({@code /} on a real host). */
    public VirtualBoxSettings withHostRoot(Path root) {
        return new VirtualBoxSettings(stateDir, vagrantHome, networksConf, firstSshPort, bootTimeout, haltTimeout, bootstrapKey,
                Optional.of(root));
    }

    public VirtualBoxSettings withTimeouts(Duration boot, Duration halt) {
        return new VirtualBoxSettings(stateDir, vagrantHome, networksConf, firstSshPort, boot, halt, bootstrapKey, hostRoot);
    }
}
