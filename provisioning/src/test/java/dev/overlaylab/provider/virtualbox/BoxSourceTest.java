package dev.overlaylab.provider.virtualbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoxSourceTest {
    @TempDir
    Path tmp;

    private BoxSource resolve(String box, List<String> vms, Optional<String> snapshot) {
        return BoxSource.resolve(box, Optional.of(tmp.resolve("lab")), tmp.resolve("vagrant"), tmp.resolve("state"), vms, vm -> snapshot);
    }

    @Test
    void anOvaNextToTheLabFileIsImported() throws IOException {
        Files.createDirectories(tmp.resolve("lab"));
        Files.writeString(tmp.resolve("lab/xenial.ova"), "x");
        assertThat(resolve("xenial.ova", List.of(), Optional.empty()))
                .isEqualTo(new BoxSource.Import(tmp.resolve("lab/xenial.ova").toAbsolutePath()));
    }

    @Test
    void aVagrantBoxFileIsUnpackedIntoTheLabState() throws IOException {
        Files.createDirectories(tmp.resolve("lab"));
        Files.writeString(tmp.resolve("lab/xenial.box"), "x");
        BoxSource s = resolve("xenial.box", List.of(), Optional.empty());
        assertThat(s).isInstanceOf(BoxSource.VagrantBoxFile.class);
        assertThat(((BoxSource.VagrantBoxFile) s).ovf()).isEqualTo(tmp.resolve("state/boxes/xenial/box.ovf"));
    }

    @Test
    void aVagrantBoxNameUsesTheNewestDownloadedVersion() throws IOException {
        Path boxes = tmp.resolve("vagrant/boxes/bento-VAGRANTSLASH-ubuntu-16.04");
        for (String v : List.of("2.3.1", "201812.27.0", "202005.21.0")) {
            Files.createDirectories(boxes.resolve(v).resolve("virtualbox"));
            Files.writeString(boxes.resolve(v).resolve("virtualbox/box.ovf"), "<Envelope/>");
        }
        Files.createDirectories(boxes.resolve("999.0.0/libvirt"));
        assertThat(resolve("bento/ubuntu-16.04", List.of(), Optional.empty()))
                .isEqualTo(new BoxSource.Import(boxes.resolve("202005.21.0/virtualbox/box.ovf")));
    }

    @Test
    void aRegisteredVmIsClonedLinkedFromItsSnapshot() {
        assertThat(resolve("ubuntu-xenial-base", List.of("ubuntu-xenial-base"), Optional.of("clean")))
                .isEqualTo(new BoxSource.Clone("ubuntu-xenial-base", Optional.of("clean")));
    }

    @Test
    void theBaseVmOlabImageAddImportedIsClonedLinkedAndWinsOverVagrantsCache() throws IOException {
        Path boxes = tmp.resolve("vagrant/boxes/bento-VAGRANTSLASH-ubuntu-16.04/1.0.0/virtualbox");
        Files.createDirectories(boxes);
        Files.writeString(boxes.resolve("box.ovf"), "<Envelope/>");
        assertThat(BoxSource.baseVmName("bento/ubuntu-16.04")).isEqualTo("olab-base-bento_ubuntu-16.04");
        assertThat(resolve("bento/ubuntu-16.04", List.of("other", "olab-base-bento_ubuntu-16.04"), Optional.of("olab-base")))
                .isEqualTo(new BoxSource.Clone("olab-base-bento_ubuntu-16.04", Optional.of("olab-base")));
    }

    @Test
    void nothingFoundSaysWhatWasTriedAndHowToGetIt() {
        BoxSource s = resolve("bento/ubuntu-16.04", List.of(), Optional.empty());
        assertThat(s).isInstanceOf(BoxSource.Missing.class);
        assertThat(((BoxSource.Missing) s).message())
                .startsWith("the profile's base image 'bento/ubuntu-16.04' was not found")
                .contains("olab-base-bento_ubuntu-16.04")
                .contains("fix: 'olab image add bento/ubuntu-16.04' downloads and imports it")
                .contains("vagrant box add bento/ubuntu-16.04 --provider virtualbox");
    }
}
