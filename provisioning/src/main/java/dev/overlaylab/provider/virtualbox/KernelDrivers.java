package dev.overlaylab.provider.virtualbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether VirtualBox's kernel drivers are loaded on this Linux host, read from facts rather than from
 * error texts: the device nodes {@code /dev/vboxdrv} (every VM start) and {@code /dev/vboxnetctl}
 * (creating host-only interfaces) exist exactly when the modules are loaded. Also what packaged
 * VirtualBox here, so the fix is the one this distribution ships: Debian and Ubuntu build the modules
 * with {@code virtualbox-dkms}; Oracle's packages with {@code /sbin/vboxconfig}, which Debian does not
 * have; Fedora (RPM Fusion) with {@code akmod-VirtualBox}. And Secure Boot, under which unsigned
 * modules are refused ("Key was rejected by service", "Required key not available").
 *
 * <p>macOS and Windows have no such device nodes to look at; there the recorded error texts are
 * explained instead ({@link VBoxErrorHints}).
 *
 * @param os          the host OS
 * @param missing     the device nodes that do not exist, e.g. {@code /dev/vboxdrv}; empty when loaded (or not Linux)
 * @param packaging   who packaged VirtualBox here
 * @param secureBoot  true when the firmware says Secure Boot is on
 */
public record KernelDrivers(HostOs os, List<String> missing, Packaging packaging, boolean secureBoot) {
    /** The device nodes VirtualBox needs on Linux. */
    public static final List<String> DEVICES = List.of("/dev/vboxdrv", "/dev/vboxnetctl");
    /** The EFI variable whose last byte is 1 when Secure Boot is on. */
    static final String SECURE_BOOT_VAR = "sys/firmware/efi/efivars/SecureBoot-8be4df61-93ca-11d2-aa0d-00e098032b8c";

    /** Who built and installed VirtualBox (and so how its kernel modules are built). */
    public enum Packaging { DEBIAN, ORACLE, FEDORA, OTHER }

    public KernelDrivers {
        missing = List.copyOf(missing);
    }

    /** Drivers known to be loaded (or a host where there is nothing to check). */
    public static KernelDrivers loaded(HostOs os) {
        return new KernelDrivers(os, List.of(), Packaging.OTHER, false);
    }

    /**
     * Reads the facts under {@code root} ({@code /} on a real host). {@code banner} is the warning
     * VBoxManage's start-up script printed, if any: it names the packaging it came from.
     */
    public static KernelDrivers probe(HostOs os, Path root, String banner) {
        if (os != HostOs.LINUX) {
            return loaded(os);
        }
        List<String> missing = new ArrayList<>();
        for (String dev : DEVICES) {
            if (!Files.exists(root.resolve(dev.substring(1)))) {
                missing.add(dev);
            }
        }
        return new KernelDrivers(os, missing, packaging(root, banner == null ? "" : banner), secureBoot(root));
    }

    static Packaging packaging(Path root, String banner) {
        if (banner.contains("virtualbox-dkms")) {
            return Packaging.DEBIAN;
        }
        if (banner.contains("vboxconfig") || Files.exists(root.resolve("sbin/vboxconfig"))
                || Files.exists(root.resolve("usr/lib/virtualbox/vboxdrv.sh"))) {
            return Packaging.ORACLE;
        }
        if (banner.contains("akmod")) {
            return Packaging.FEDORA;
        }
        String ids = osRelease(root);
        if (ids.contains("debian") || ids.contains("ubuntu")) {
            return Packaging.DEBIAN;
        }
        if (ids.contains("fedora")) {
            return Packaging.FEDORA;
        }
        return Packaging.OTHER;
    }

    private static String osRelease(Path root) {
        try {
            StringBuilder ids = new StringBuilder();
            for (String line : Files.readAllLines(root.resolve("etc/os-release"))) {
                if (line.startsWith("ID=") || line.startsWith("ID_LIKE=")) {
                    ids.append(' ').append(line.substring(line.indexOf('=') + 1).replace("\"", ""));
                }
            }
            return ids.toString().toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            return "";
        }
    }

    private static boolean secureBoot(Path root) {
        try {
            byte[] b = Files.readAllBytes(root.resolve(SECURE_BOOT_VAR));
            return b.length > 0 && b[b.length - 1] == 1;
        } catch (IOException e) {
            return false;
        }
    }

    public boolean allLoaded() {
        return missing.isEmpty();
    }

    /** VMs cannot start: vboxdrv is missing. */
    public boolean vmsCannotStart() {
        return missing.contains("/dev/vboxdrv");
    }

    /** One line: which drivers are missing and what that stops. */
    public Optional<String> cause() {
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("VirtualBox's kernel drivers are not loaded (" + String.join(" and ", missing)
                + (missing.size() == 1 ? " does" : " do") + " not exist), so VirtualBox can neither start VMs nor create"
                + " host-only interfaces");
    }

    /** How to load them on this host; {@link #loadCommand()} alone when the packaging is unknown. */
    public String fix() {
        String build = switch (packaging) {
            case DEBIAN -> "sudo apt install virtualbox-dkms linux-headers-$(uname -r), then " + loadCommand();
            case ORACLE -> "sudo /sbin/vboxconfig (Oracle's package rebuilds and loads the modules; it needs the kernel"
                    + " headers: linux-headers-$(uname -r) or kernel-devel)";
            case FEDORA -> "sudo dnf install akmod-VirtualBox kernel-devel-$(uname -r), then sudo akmods --kernels"
                    + " $(uname -r) && sudo systemctl restart vboxdrv";
            case OTHER -> "install your distribution's VirtualBox kernel modules (Debian/Ubuntu: virtualbox-dkms and"
                    + " linux-headers-$(uname -r); Oracle's packages: sudo /sbin/vboxconfig), then " + loadCommand();
        };
        if (secureBoot) {
            build += "; Secure Boot is on, so the modules must be signed by a key the firmware trusts, or modprobe"
                    + " answers 'Key was rejected by service': enrol DKMS's key with 'sudo mokutil --import"
                    + " /var/lib/dkms/mok.pub' and confirm it at the next boot";
        }
        return build;
    }

    /** The modprobe that loads all three modules. */
    public static String loadCommand() {
        return "sudo modprobe vboxdrv vboxnetadp vboxnetflt";
    }
}
