package dev.overlaylab.provider.virtualbox.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.exec.ExecRunner;
import dev.overlaylab.exec.ProcessRunner;
import dev.overlaylab.progress.ProgressEvent;
import dev.overlaylab.provider.virtualbox.BoxSource;
import dev.overlaylab.provider.virtualbox.HostOs;
import dev.overlaylab.provider.virtualbox.VBoxDriver;
import dev.overlaylab.provider.virtualbox.VBoxDrivers;
import dev.overlaylab.provider.virtualbox.VBoxManage;
import dev.overlaylab.provider.virtualbox.VBoxManageException;
import dev.overlaylab.provider.virtualbox.parse.VBoxLists;
import dev.overlaylab.provider.virtualbox.parse.VmInfo;
import dev.overlaylab.testsupport.Prereq;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code olab image add} against the REAL VirtualBox 7.2 of the CI chroot (.ci/virtualbox): an OVA
 * exported by the real VBoxManage from a tiny VM (4 MB disk) made here, and a Vagrant .box made
 * from it, served by a loopback HTTP server, downloaded, checked and imported by the real
 * VBoxManage. Every VM these tests register is named {@code olt-vbox-image-<run>-…} and is
 * unregistered and deleted after each test, also when it fails.
 */
@Tag("integration")
class BaseImagesOnRealVirtualBoxTest {
    /** Found through the repository (Maven runs the tests in provisioning/). */
    private static final Path WRAPPER = Path.of("..", ".ci", "virtualbox", "VBoxManage").toAbsolutePath().normalize();
    private static final String RUN = "olt-vbox-image-" + UUID.randomUUID().toString().substring(0, 8);

    private static Path work;
    private static Path ova;
    private static Path box;
    private static ExecRunner runner;

    private VBoxDriver d;
    private Path cache;
    private final List<ProgressEvent> events = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void makeAnOvaAndABoxWithTheRealVBoxManage() throws IOException {
        Prereq.requireRoot();
        Prereq.require(Files.isExecutable(WRAPPER), "needs " + WRAPPER + " (the repository's VirtualBox wrapper)");
        // the binary itself, not Debian's /usr/bin/VBoxManage script: that one prints a "/dev/vboxdrv does not
        // exist" banner on stdout which the driver locator refuses (issue 13, defect 4, another helper's part)
        runner = (argv, env, timeout) -> {
            Map<String, String> all = new HashMap<>(env);
            all.put("OLAB_VBOX_BINARY", "/usr/lib/virtualbox/VBoxManage");
            return new ProcessRunner().run(argv, all, timeout);
        };
        ExecResult version = vbox("--version");
        Prereq.require(version.exitCode() == 0, "the VirtualBox chroot does not answer: " + version.stderr().strip()
                + " (sudo .ci/install-prereqs builds it)");
        // /tmp is bound into the chroot: the same paths inside and outside
        work = Files.createTempDirectory(Path.of("/tmp"), RUN + "-");
        String src = RUN + "-src";
        try {
            check(vbox("createvm", "--name", src, "--ostype", "Linux_64", "--register", "--basefolder", work.toString()));
            Path vdi = work.resolve(src + ".vdi");
            check(vbox("createmedium", "disk", "--filename", vdi.toString(), "--size", "4", "--format", "VDI"));
            check(vbox("storagectl", src, "--name", "SATA", "--add", "sata"));
            check(vbox("storageattach", src, "--storagectl", "SATA", "--port", "0", "--device", "0", "--type", "hdd",
                    "--medium", vdi.toString()));
            ova = work.resolve("tiny.ova");
            check(vbox("export", src, "-o", ova.toString()));
        } finally {
            vbox("unregistervm", src, "--delete");
        }
        box = vagrantBoxFrom(ova, work.resolve("box"));
    }

    /** What a Vagrant box is: a gzipped tar with box.ovf, its disk, and metadata.json naming the provider. */
    private static Path vagrantBoxFrom(Path ova, Path dir) throws IOException {
        Files.createDirectories(dir);
        check(runner.run(List.of("tar", "-xf", ova.toString(), "-C", dir.toString()), Duration.ofMinutes(1)));
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String n = f.getFileName().toString();
                if (n.endsWith(".ovf")) {
                    Files.move(f, dir.resolve("box.ovf"));
                } else if (n.endsWith(".mf")) {
                    Files.delete(f); // its digest names the old .ovf file name
                }
            }
        }
        Files.writeString(dir.resolve("metadata.json"), "{\"provider\": \"virtualbox\"}\n");
        Path out = dir.resolveSibling("tiny.box");
        List<String> argv = new ArrayList<>(List.of("tar", "-czf", out.toString(), "-C", dir.toString()));
        try (Stream<Path> files = Files.list(dir)) {
            files.map(f -> f.getFileName().toString()).sorted().forEach(argv::add);
        }
        check(runner.run(argv, Duration.ofMinutes(1)));
        return out;
    }

    @AfterAll
    static void deleteTheFixtures() throws IOException {
        if (work != null) {
            deleteTree(work);
        }
    }

    @BeforeEach
    void driver() throws IOException {
        d = VBoxDrivers.detect(new VBoxManage(WRAPPER, runner), HostOs.LINUX);
        cache = Files.createTempDirectory(work, "cache-");
    }

    @AfterEach
    void unregisterEveryVmOfThisRun() {
        for (VBoxLists.VmRef vm : d.listVms()) {
            if (vm.name().startsWith(RUN)) {
                // linked clones first (their names end in -clone), then what they were cloned from
                vbox("unregistervm", vm.name(), "--delete");
            }
        }
        for (VBoxLists.VmRef vm : d.listVms()) {
            if (vm.name().startsWith(RUN)) {
                vbox("unregistervm", vm.name(), "--delete");
            }
        }
        assertThat(d.listVms()).noneMatch(vm -> vm.name().startsWith(RUN));
    }

    private BaseImages images() {
        HttpDownload http = new HttpDownload(HttpClient.newHttpClient(), 3, Duration.ofSeconds(1), p -> { }, Duration.ZERO, System::nanoTime);
        return new BaseImages(cache, () -> d, runner, http, name -> RUN + "-" + BoxSource.safeName(name), List::of, work.resolve("no-vagrant"));
    }

    @Test
    void aBoxFromAUrlIsDownloadedCheckedAndImportedAsABaseVmThatUpCanLinkCloneFrom() throws Exception {
        BaseImages images = images();
        try (LoopbackFileServer server = new LoopbackFileServer("tiny.box", Files.readAllBytes(box))) {
            ImageRequest r = images.request(server.uri().toString(), Optional.of("olt/tiny"), Optional.of(HttpDownload.sha256(box)));
            assertThat(images.missing("olt/tiny")).isTrue();
            CachedImage added = images.add(r, events::add);

            String vm = RUN + "-olt_tiny";
            assertThat(added.vm()).isEqualTo(vm);
            VmInfo info = d.vmInfo(vm).orElseThrow(() -> new AssertionError("the base VM is not registered"));
            assertThat(info.currentSnapshot()).contains(BaseImages.SNAPSHOT);
            assertThat(images.present("olt/tiny")).isTrue();
            assertThat(images.missing("olt/tiny")).isFalse();
            assertThat(cache.resolve("olt_tiny/image.box")).hasSameBinaryContentAs(box);
            assertThat(cache.resolve("olt_tiny/unpacked")).doesNotExist();
            assertThat(images.list()).singleElement().satisfies(l -> {
                assertThat(l.registered()).isTrue();
                assertThat(l.image().source()).isEqualTo(server.uri().toString());
                assertThat(l.image().sha256()).isEqualTo(HttpDownload.sha256(box));
            });

            // what up does with it (NodeMachine): a linked clone from the base VM's current snapshot
            String clone = RUN + "-clone";
            d.change(d.cloneArgs(vm, info.currentSnapshot(), clone));
            assertThat(d.vmInfo(clone)).isPresent();

            // adding it again changes nothing and downloads nothing
            int requests = server.ranges.size();
            images.add(r, events::add);
            assertThat(server.ranges).hasSize(requests);

            d.change(d.unregisterArgs(clone));
            images.remove("olt/tiny", events::add);
            assertThat(d.vmInfo(vm)).isEmpty();
            assertThat(cache.resolve("olt_tiny")).doesNotExist();
        }
    }

    @Test
    void anOvaDownloadCutMidBodyResumesFromWhereItStoppedAndIsImported() throws Exception {
        BaseImages images = images();
        byte[] bytes = Files.readAllBytes(ova);
        try (LoopbackFileServer server = new LoopbackFileServer("tiny.ova", bytes).cutNext(1)) {
            ImageRequest r = images.request(server.uri().toString(), Optional.of("olt/ova"), Optional.of(HttpDownload.sha256(ova)));
            images.add(r, events::add);

            assertThat(server.ranges).hasSize(2).first().isEqualTo("");
            assertThat(server.lastResumeOffset()).isPositive().isLessThanOrEqualTo(bytes.length / 2);
            assertThat(events).anySatisfy(e -> assertThat(e.message()).startsWith("connection lost after"));
            assertThat(d.vmInfo(RUN + "-olt_ova")).hasValueSatisfying(i -> assertThat(i.currentSnapshot()).contains(BaseImages.SNAPSHOT));
            assertThat(cache.resolve("olt_ova/image.ova")).hasSameBinaryContentAs(ova);
        }
    }

    @Test
    void aWrongChecksumStopsBeforeImportLeavingNoVmAndNoFileUnderTheFinalName() throws Exception {
        BaseImages images = images();
        try (LoopbackFileServer server = new LoopbackFileServer("tiny.box", Files.readAllBytes(box))) {
            ImageRequest r = images.request(server.uri().toString(), Optional.of("olt/bad"), Optional.of("ab".repeat(32)));
            assertThatThrownBy(() -> images.add(r, events::add))
                    .isInstanceOf(ImageException.class)
                    .hasMessageContaining("does not have the expected SHA-256")
                    .hasMessageContaining("expected: " + "ab".repeat(32))
                    .hasMessageContaining("got:      " + HttpDownload.sha256(box))
                    .hasMessageContaining("nothing was imported");

            assertThat(d.listVms()).noneMatch(vm -> vm.name().startsWith(RUN));
            assertThat(cache.resolve("olt_bad/image.box")).doesNotExist();
            assertThat(HttpDownload.partialOf(cache.resolve("olt_bad/image.box"))).doesNotExist();
            assertThat(images.list()).isEmpty();
        }
    }

    @Test
    void aBoxWhoseDiskIsMissingFailsInTheRealImportAndIsRolledBack() throws Exception {
        // a box.ovf whose disk is not in the archive: the real 'VBoxManage import' refuses it
        Path broken = work.resolve("broken");
        Files.createDirectories(broken);
        Files.copy(work.resolve("box/box.ovf"), broken.resolve("box.ovf"));
        Path file = work.resolve("broken.box");
        check(runner.run(List.of("tar", "-cf", file.toString(), "-C", broken.toString(), "box.ovf"), Duration.ofMinutes(1)));
        BaseImages images = images();

        assertThatThrownBy(() -> images.add(images.request(file.toString(), Optional.of("olt/broken"), Optional.empty()), events::add))
                .isInstanceOfSatisfying(VBoxManageException.class, e -> {
                    assertThat(e.argv()).contains("import");
                    assertThat(e.stderr()).contains("VBoxManage: error:");
                });
        assertThat(d.listVms()).noneMatch(vm -> vm.name().startsWith(RUN));
        assertThat(cache.resolve("olt_broken/unpacked")).doesNotExist();
        assertThat(images.list()).isEmpty();
    }

    @Test
    void whenTheSnapshotAfterARealImportFailsTheImportedVmIsUnregisteredAndDeletedAgain() throws Exception {
        // the real import succeeds; only 'snapshot ... take' is made to fail, as a full disk or a lock would
        ExecRunner real = runner;
        String vm = RUN + "-olt_snap";
        java.util.concurrent.atomic.AtomicBoolean registeredWhenSnapshotRan = new java.util.concurrent.atomic.AtomicBoolean();
        ExecRunner failingSnapshot = (argv, env, timeout) -> {
            if (argv.contains("snapshot") && argv.contains("take")) {
                registeredWhenSnapshotRan.set(vbox("showvminfo", vm, "--machinereadable").exitCode() == 0);
                return new ExecResult(argv, 1, "", "VBoxManage: error: (made to fail by the test)");
            }
            return real.run(argv, env, timeout);
        };
        VBoxDriver failing = VBoxDrivers.forVersion(new VBoxManage(WRAPPER.toString(), failingSnapshot, 1, Duration.ZERO, p -> { }),
                d.version(), HostOs.LINUX);
        HttpDownload http = new HttpDownload(HttpClient.newHttpClient(), 1, Duration.ZERO, p -> { }, Duration.ZERO, System::nanoTime);
        BaseImages images = new BaseImages(cache, () -> failing, real, http, name -> RUN + "-" + BoxSource.safeName(name), List::of, work.resolve("no-vagrant"));

        assertThatThrownBy(() -> images.add(images.request(ova.toString(), Optional.of("olt/snap"), Optional.empty()), events::add))
                .isInstanceOfSatisfying(VBoxManageException.class, e -> assertThat(e.argv()).contains("snapshot"));

        assertThat(registeredWhenSnapshotRan).as("the real import had registered the VM").isTrue();
        assertThat(d.listVms()).noneMatch(v -> v.name().startsWith(RUN));
        assertThat(images.list()).isEmpty();
    }

    private static ExecResult vbox(String... args) {
        List<String> argv = new ArrayList<>();
        argv.add(WRAPPER.toString());
        argv.addAll(List.of(args));
        return runner.run(argv, Duration.ofMinutes(5));
    }

    private static void check(ExecResult r) {
        if (r.exitCode() != 0) {
            throw new AssertionError("failed (" + r.exitCode() + "): " + r.argv() + "\n" + r.stdout() + r.stderr());
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
