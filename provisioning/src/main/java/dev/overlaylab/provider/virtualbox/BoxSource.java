package dev.overlaylab.provider.virtualbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where a node's disk comes from, decided from the profile's {@code box}:
 * <ol>
 *   <li>an {@code .ova}/{@code .ovf} file (relative to the lab file): imported;</li>
 *   <li>a Vagrant {@code .box} file: unpacked once into the lab state folder, its {@code box.ovf} imported;</li>
 *   <li>the base VM {@code olab image add} imported for that box name ({@link #baseVmName}): cloned,
 *       linked from its snapshot;</li>
 *   <li>a Vagrant box name ({@code ubuntu/xenial64}) already downloaded by Vagrant: its newest
 *       {@code box.ovf} under {@code ~/.vagrant.d/boxes} imported;</li>
 *   <li>the name of a registered VM: cloned — a linked clone from its current snapshot when it has one.</li>
 * </ol>
 */
public sealed interface BoxSource {

    /** {@code VBoxManage import FILE}. */
    record Import(Path appliance) implements BoxSource {
    }

    /** A Vagrant .box archive to unpack with tar before importing the box.ovf inside. */
    record VagrantBoxFile(Path box, Path unpackTo) implements BoxSource {
        public Path ovf() {
            return unpackTo.resolve("box.ovf");
        }
    }

    /** {@code VBoxManage clonevm BASE [--snapshot S --options link]}. */
    record Clone(String baseVm, Optional<String> snapshot) implements BoxSource {
    }

    /** Nothing matched; the message lists what was tried. */
    record Missing(String message) implements BoxSource {
    }

    static BoxSource resolve(String box, Optional<Path> labDir, Path vagrantHome, Path unpackRoot,
                             List<String> registeredVms, java.util.function.Function<String, Optional<String>> currentSnapshot) {
        Path asFile = labDir.map(d -> d.resolve(box)).orElse(Path.of(box));
        String lower = box.toLowerCase(java.util.Locale.ROOT);
        if ((lower.endsWith(".ova") || lower.endsWith(".ovf")) && Files.isRegularFile(asFile)) {
            return new Import(asFile.toAbsolutePath().normalize());
        }
        if (lower.endsWith(".box") && Files.isRegularFile(asFile)) {
            String stem = asFile.getFileName().toString().replaceAll("\\.box$", "");
            return new VagrantBoxFile(asFile.toAbsolutePath().normalize(), unpackRoot.resolve("boxes").resolve(stem));
        }
        String base = baseVmName(box);
        if (registeredVms.contains(base)) {
            return new Clone(base, currentSnapshot.apply(base));
        }
        Optional<Path> cached = vagrantCached(vagrantHome, box);
        if (cached.isPresent()) {
            return new Import(cached.get());
        }
        if (registeredVms.contains(box)) {
            return new Clone(box, currentSnapshot.apply(box));
        }
        return new Missing("the profile's base image '" + box + "' was not found: not an .ova/.ovf/.box file"
                + labDir.map(d -> " (relative to " + d + ")").orElse("")
                + ", not a Vagrant box under " + vagrantHome.resolve("boxes")
                + ", not a registered VirtualBox VM (" + base + " or " + box + ").\n  fix: 'olab image add " + box
                + "' downloads and imports it once (or 'vagrant box add " + box + " --provider virtualbox'),"
                + " or point the profile's box at an .ova file, or import/create a VM named '"
                + box + "' and take a snapshot of it (clones are then linked and take seconds).");
    }

    /**
     * The VM {@code olab image add} imports a box as: {@code olab-base-} and the box name with
     * every character other than letters, digits, '.', '_' and '-' replaced by '_'
     * ({@code bento/ubuntu-16.04} → {@code olab-base-bento_ubuntu-16.04}).
     */
    public static String baseVmName(String box) {
        return "olab-base-" + safeName(box);
    }

    /** A box name as one file or VM name component. */
    public static String safeName(String box) {
        return box.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** {@code boxes/<name with / as -VAGRANTSLASH->/<version>/virtualbox/box.ovf}, newest version first. */
    static Optional<Path> vagrantCached(Path vagrantHome, String box) {
        if (box.contains("\\") || box.contains("..")) {
            return Optional.empty();
        }
        Path dir = vagrantHome.resolve("boxes").resolve(box.replace("/", "-VAGRANTSLASH-"));
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(dir)) {
            return versions
                    .filter(v -> Files.isRegularFile(v.resolve("virtualbox").resolve("box.ovf")))
                    .max(Comparator.comparing(v -> v.getFileName().toString(), BoxSource::compareVersions))
                    .map(v -> v.resolve("virtualbox").resolve("box.ovf"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Numeric, part by part: 20190101.0.0 &gt; 1.0.2 and 1.10 &gt; 1.9. */
    static int compareVersions(String a, String b) {
        String[] x = a.split("[.-]");
        String[] y = b.split("[.-]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String p = i < x.length ? x[i] : "0";
            String q = i < y.length ? y[i] : "0";
            int c;
            try {
                c = Long.compare(Long.parseLong(p), Long.parseLong(q));
            } catch (NumberFormatException e) {
                c = p.compareTo(q);
            }
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
