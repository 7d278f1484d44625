package dev.overlaylab.provider.virtualbox.image;

import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.exec.ExecRunner;
import dev.overlaylab.progress.ProgressEvent;
import dev.overlaylab.progress.ProgressEvent.Status;
import dev.overlaylab.progress.ProgressListener;
import dev.overlaylab.provider.virtualbox.VBoxDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Makes a base VM from an OVA or a Vagrant box: {@code VBoxManage import} of the OVA, or of the
 * {@code box.ovf} in the unpacked box, then {@code snapshot take} so labs get linked clones. All or
 * nothing: when any step fails, a VM it registered is unregistered and deleted again.
 */
final class ImageImporter {
    private static final Pattern PROVIDER = Pattern.compile("\"provider\"\\s*:\\s*\"([^\"]+)\"");

    private final VBoxDriver d;
    private final ExecRunner runner;

    ImageImporter(VBoxDriver d, ExecRunner runner) {
        this.d = d;
        this.runner = runner;
    }

    void importAs(Path file, boolean ova, String vm, String snapshot, Path work, String stage, ProgressListener progress) {
        long t0 = System.nanoTime();
        progress.on(ProgressEvent.of(stage, "", "import", Status.STARTED, file + " → VM " + vm));
        Path unpacked = work.resolve("unpacked");
        try {
            Path appliance = ova ? file : unpackBox(file, unpacked);
            d.change(d.importArgs(appliance.toString(), vm));
            d.change(d.snapshotTakeArgs(vm, snapshot));
        } catch (RuntimeException e) {
            throw undo(vm, e);
        } finally {
            deleteTree(unpacked);
        }
        progress.on(new ProgressEvent(stage, "", "import", Status.CHANGED, Duration.ofNanos(System.nanoTime() - t0),
                "VM " + vm + " with snapshot " + snapshot + " (labs clone it, linked)"));
    }

    /** A Vagrant box is a tar (gzipped or not: tar tells by itself) holding box.ovf, its disks and metadata.json. */
    private Path unpackBox(Path box, Path into) {
        deleteTree(into);
        try {
            Files.createDirectories(into);
        } catch (IOException e) {
            throw new ImageException("cannot create " + into + ": " + e.getMessage(), e);
        }
        ExecResult r = runner.run(List.of("tar", "-xf", box.toString(), "-C", into.toString()), Map.of(), Duration.ofMinutes(30));
        if (r.exitCode() != 0) {
            throw new ImageException(box + " could not be unpacked as a Vagrant box (a tar archive): " + r.stderr().strip()
                    + "\n  fix: check that the file is a complete .box (or an .ova: name it *.ova); download it again if it is damaged");
        }
        Path meta = into.resolve("metadata.json");
        if (Files.isRegularFile(meta)) {
            try {
                Matcher m = PROVIDER.matcher(Files.readString(meta));
                if (m.find() && !m.group(1).equals("virtualbox")) {
                    throw new ImageException(box + " is a Vagrant box for '" + m.group(1) + "' (metadata.json), not for VirtualBox"
                            + "\n  fix: download the box's virtualbox provider file");
                }
            } catch (IOException e) {
                throw new ImageException("cannot read " + meta + ": " + e.getMessage(), e);
            }
        }
        Path ovf = into.resolve("box.ovf");
        if (Files.isRegularFile(ovf)) {
            return ovf;
        }
        try (Stream<Path> files = Files.list(into)) {
            List<Path> ovfs = files.filter(f -> f.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".ovf")).toList();
            if (ovfs.size() == 1) {
                return ovfs.get(0);
            }
        } catch (IOException e) {
            throw new ImageException("cannot list " + into + ": " + e.getMessage(), e);
        }
        throw new ImageException(box + " holds no box.ovf: it is not a VirtualBox box"
                + "\n  fix: use the box's virtualbox provider file, or an .ova");
    }

    /** Unregisters and deletes the VM if the failed steps left it registered; the original failure is what is reported. */
    private RuntimeException undo(String vm, RuntimeException failure) {
        try {
            Optional<?> left = d.vmInfo(vm);
            if (left.isPresent()) {
                d.change(d.unregisterArgs(vm));
            }
        } catch (RuntimeException cleanup) {
            failure.addSuppressed(cleanup);
            return new ImageException(failure.getMessage() + "\n  and VM " + vm + " could not be removed again: "
                    + cleanup.getMessage().lines().findFirst().orElse("") + "\n  fix: 'VBoxManage unregistervm " + vm
                    + " --delete', then run the command again", failure);
        }
        return failure;
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new ImageException("cannot delete " + dir + ": " + e.getMessage(), e);
        }
    }
}
