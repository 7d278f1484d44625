package dev.overlaylab.app.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's --data-dir: who root works for, and handing what root made back to them (never through a link). */
class OnBehalfTest {
    @TempDir
    Path dir;

    @Test
    void theUserIsPkexecsElseSudosAndNeverRoot() {
        assertThat(OnBehalf.invokingUid(Map.of("PKEXEC_UID", "1000", "SUDO_UID", "1001"))).contains(1000);
        assertThat(OnBehalf.invokingUid(Map.of("SUDO_UID", "1001"))).contains(1001);
        assertThat(OnBehalf.invokingUid(Map.of("SUDO_UID", "0"))).isEmpty();
        assertThat(OnBehalf.invokingUid(Map.of("PKEXEC_UID", "x"))).isEmpty();
    }

    @Test
    void onlyALeadingAbsoluteDataDirIsTaken() {
        assertThat(OnBehalf.from(new String[] {"up", "lab.yaml"}, Map.of())).isEmpty();
        assertThat(OnBehalf.from(new String[] {"--data-dir", "/home/ann/.local/share/overlay-lab", "up", "x.yaml"}, Map.of()))
                .get().extracting(OnBehalf::dataDir).isEqualTo(Path.of("/home/ann/.local/share/overlay-lab"));
        assertThat(OnBehalf.rest(new String[] {"--data-dir", "/d", "up", "x.yaml", "--json"})).containsExactly("up", "x.yaml", "--json");
        assertThatThrownBy(() -> OnBehalf.from(new String[] {"--data-dir", "rel", "up"}, Map.of())).hasMessageContaining("absolute");
    }

    @Test
    void whatRootMadeIsHandedBackButALinkIsNotFollowed() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root to own files as root");
        Path data = Files.createDirectories(dir.resolve("data/labs/in-x"));
        Path key = Files.writeString(data.resolve("id_ed25519"), "key");
        Path outside = Files.writeString(dir.resolve("outside"), "not the user's");
        Files.createSymbolicLink(data.resolve("link"), outside);

        OnBehalf.from(new String[] {"--data-dir", dir.resolve("data").toString(), "up"}, Map.of("SUDO_UID", "65534"))
                .orElseThrow().handOver();

        assertThat(Files.getAttribute(key, "unix:uid")).isEqualTo(65534);
        assertThat(Files.getAttribute(data, "unix:uid")).isEqualTo(65534);
        assertThat(Files.getAttribute(outside, "unix:uid")).as("the link's target").isEqualTo(0);
        assertThat(Files.getAttribute(data.resolve("link"), "unix:uid", LinkOption.NOFOLLOW_LINKS)).isEqualTo(65534);
    }
}
