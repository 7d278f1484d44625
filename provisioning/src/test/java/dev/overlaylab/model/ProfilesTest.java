package dev.overlaylab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfilesTest {

    @Test
    void everyBuiltInProfileLoads() {
        for (String name : Profiles.BUILT_IN) {
            Profile p = Profiles.get(name);
            assertThat(p.name()).isEqualTo(name);
            assertThat(p.hostOnlyNic()).isNotBlank();
            assertThat(p.dockerd()).startsWith("/usr/");
        }
    }

    @Test
    void everyProfileFileInTheModuleIsListedAsBuiltIn() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("../vm-profiles"))) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".yaml"))
                    .map(f -> f.replaceFirst("\\.yaml$", "")))
                    .containsExactlyInAnyOrderElementsOf(Profiles.BUILT_IN);
        }
    }

    @Test
    void ubuntu1604IsTheSeedsDocker1Machine() {
        Profile p = Profiles.get("ubuntu-16.04");
        assertThat(p.natNic()).isEqualTo("enp0s3");
        assertThat(p.hostOnlyNic()).isEqualTo("enp0s8");
        assertThat(p.dockerd()).isEqualTo("/usr/bin/docker daemon");
        assertThat(p.dockerdArgs()).isEqualTo("-H fd://");
        assertThat(p.networkTool()).isEqualTo("ifupdown");
        assertThat(p.etcdVersion()).startsWith("2.2.");
        assertThat(p.flannelVersion()).isEqualTo("0.7.1");
    }

    @Test
    void ubuntu1604NamesWhereItsBaseImageIsDownloadedFrom() {
        Profile.ImageDownload image = Profiles.get("ubuntu-16.04").image().orElseThrow();
        assertThat(image.url()).startsWith("https://vagrantcloud.com/bento/boxes/ubuntu-16.04/versions/");
        // no published checksum was found for it (see the profile's comment): the download prints its digest instead
        assertThat(image.sha256()).isEmpty();
        assertThat(Profiles.get("debian-12-nspawn").image()).isEmpty();
        for (String vbox : java.util.List.of("ubuntu-16.04", "ubuntu-22.04", "debian-12")) {
            Profile p = Profiles.get(vbox);
            assertThat(p.image()).as(vbox).hasValueSatisfying(i -> assertThat(i.url())
                    .startsWith("https://vagrantcloud.com/" + p.box().replace("/", "/boxes/") + "/versions/"));
        }
    }

    @Test
    void imageFieldsAreChecked() {
        String base = "name: x\ndescription: d\nbox: b\nuser: u\nnatNic: n\nhostOnlyNic: h\nmemoryMb: 1\ncpus: 1\n"
                + "networkTool: ifupdown\npackages: []\ndockerd: /usr/bin/d\ndockerdArgs: a\netcdVersion: 1\nflannelVersion: 1\n";
        Profile ok = Profiles.parse(base + "imageUrl: https://example.org/b.box\nimageSha256: " + "AB".repeat(32) + "\n", "t");
        assertThat(ok.image()).contains(new Profile.ImageDownload("https://example.org/b.box", java.util.Optional.of("ab".repeat(32))));
        assertThatThrownBy(() -> Profiles.parse(base + "imageUrl: ftp://x\nimageSha256: 12\n", "t"))
                .hasMessageContaining("imageUrl: 'ftp://x' is not an http(s) URL")
                .hasMessageContaining("imageSha256: must be 64 hex digits");
        assertThatThrownBy(() -> Profiles.parse(base + "imageSha256: " + "ab".repeat(32) + "\n", "t"))
                .hasMessageContaining("imageSha256: set without imageUrl");
    }

    @Test
    void nspawnProfileUsesNspawnNicNamesAndDebianPaths() {
        Profile p = Profiles.get("debian-12-nspawn");
        assertThat(p.hostOnlyNic()).isEqualTo("host0");
        assertThat(p.natNic()).isEqualTo("nat0");
        assertThat(p.networkTool()).isEqualTo("networkd");
        assertThat(p.dockerd()).isEqualTo("/usr/sbin/dockerd");
        assertThat(p.flannelVersion()).isEqualTo("0.28.9");
        assertThat(p.etcdVersion()).startsWith("3.4.");
        assertThat(p.etcdUnitName()).contains("etcd");
        assertThat(Profiles.get("ubuntu-22.04").networkTool()).isEqualTo("netplan");
        assertThat(Profiles.get("debian-12").dockerd()).isEqualTo("/usr/sbin/dockerd");
    }

    @Test
    void unknownProfileIsEmptyAndGetNamesTheKnownOnes() {
        assertThat(Profiles.find("windows-95")).isEmpty();
        assertThat(Profiles.find("../etc/passwd")).isEmpty();
        assertThatThrownBy(() -> Profiles.get("windows-95"))
                .hasMessageContaining("unknown profile 'windows-95'")
                .hasMessageContaining("ubuntu-16.04");
    }

    @Test
    void aUserFolderProfileOverridesAndAddsProfiles(@TempDir Path dir) throws IOException {
        String base = Files.readString(Path.of("../vm-profiles/debian-12.yaml"));
        Files.writeString(dir.resolve("debian-12.yaml"), base.replace("memoryMb: 2048", "memoryMb: 4096"));
        Files.writeString(dir.resolve("my-os.yaml"), base.replace("name: debian-12", "name: my-os"));
        String before = System.getProperty("olab.profiles.dir");
        System.setProperty("olab.profiles.dir", dir.toString());
        try {
            assertThat(Profiles.get("debian-12").memoryMb()).isEqualTo(4096);
            assertThat(Profiles.get("my-os").name()).isEqualTo("my-os");
            assertThat(Profiles.names()).contains("my-os", "ubuntu-16.04");
        } finally {
            if (before == null) {
                System.clearProperty("olab.profiles.dir");
            } else {
                System.setProperty("olab.profiles.dir", before);
            }
        }
    }

    @Test
    void aBrokenProfileFileNamesEveryProblem() {
        assertThatThrownBy(() -> Profiles.parse("name: x\nnetworkTool: systemd\ncolour: red\n", "test.yaml"))
                .hasMessageContaining("test.yaml")
                .hasMessageContaining("colour: unknown field")
                .hasMessageContaining("box: missing")
                .hasMessageContaining("networkTool: 'systemd'");
    }
}
