package dev.overlaylab.provider.virtualbox.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.overlaylab.model.Profile;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageRequestTest {
    private static final String URL = "https://example.org/bento/xenial/virtualbox.box";
    private static final String SHA = "ab".repeat(32);
    private final List<Profile> profiles = List.of(
            profile("ubuntu-16.04", "bento/ubuntu-16.04", Optional.of(new Profile.ImageDownload(URL, Optional.of(SHA)))),
            profile("ubuntu-22.04", "bento/ubuntu-22.04", Optional.empty()));

    @Test
    void aProfileNameOrItsBoxNameUsesTheProfilesUrlAndChecksum() {
        ImageRequest byProfile = ImageRequest.resolve("ubuntu-16.04", Optional.empty(), Optional.empty(), profiles);
        ImageRequest byBox = ImageRequest.resolve("bento/ubuntu-16.04", Optional.empty(), Optional.empty(), profiles);
        ImageRequest expected = new ImageRequest("bento/ubuntu-16.04", Optional.of(URI.create(URL)), Optional.empty(), Optional.of(SHA));
        assertThat(byProfile).isEqualTo(expected);
        assertThat(byBox).isEqualTo(expected);
        assertThat(byBox.isOva()).isFalse();
    }

    @Test
    void aUrlIsNamedAfterTheProfileThatPointsAtItElseAfterItsFile() {
        assertThat(ImageRequest.resolve(URL, Optional.empty(), Optional.empty(), profiles).name()).isEqualTo("bento/ubuntu-16.04");
        ImageRequest other = ImageRequest.resolve("http://127.0.0.1:8080/dl/tiny.OVA", Optional.empty(), Optional.empty(), profiles);
        assertThat(other.name()).isEqualTo("tiny");
        assertThat(other.isOva()).isTrue();
        assertThat(other.sha256()).isEmpty();
    }

    @Test
    void givenNameAndChecksumWinOverTheProfiles() {
        String mine = "CD".repeat(32);
        ImageRequest r = ImageRequest.resolve("ubuntu-16.04", Optional.of("my/xenial"), Optional.of(mine), profiles);
        assertThat(r.name()).isEqualTo("my/xenial");
        assertThat(r.sha256()).contains("cd".repeat(32));
    }

    @Test
    void anExistingFileIsTakenAsItIs(@TempDir Path tmp) throws IOException {
        Path f = Files.writeString(tmp.resolve("xenial.box"), "x");
        ImageRequest r = ImageRequest.resolve(f.toString(), Optional.empty(), Optional.empty(), profiles);
        assertThat(r.file()).contains(f.toAbsolutePath());
        assertThat(r.url()).isEmpty();
        assertThat(r.name()).isEqualTo("xenial");
    }

    @Test
    void whatCannotBeResolvedSaysWhatWouldWork() {
        assertThatThrownBy(() -> ImageRequest.resolve("windows-95", Optional.empty(), Optional.empty(), profiles))
                .hasMessageContaining("'windows-95' is not a URL, not a file, and no profile is named so")
                .hasMessageContaining("profiles with a download: ubuntu-16.04 (bento/ubuntu-16.04)");
        assertThatThrownBy(() -> ImageRequest.resolve("ubuntu-22.04", Optional.empty(), Optional.empty(), profiles))
                .hasMessageContaining("profile ubuntu-22.04 (box bento/ubuntu-22.04) names no imageUrl")
                .hasMessageContaining("fix: 'olab image add URL --name bento/ubuntu-22.04'");
        assertThatThrownBy(() -> ImageRequest.resolve(URL, Optional.empty(), Optional.of("123"), profiles))
                .hasMessageContaining("--sha256 must be 64 hex digits");
    }

    private static Profile profile(String name, String box, Optional<Profile.ImageDownload> image) {
        return new Profile(name, "", box, "vagrant", "enp0s3", "enp0s8", 1024, 1, "ifupdown", List.of(), "/usr/bin/dockerd", "",
                "3.4", "0.28.9", Optional.empty(), image);
    }
}
