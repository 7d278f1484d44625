package dev.overlaylab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AppPrefsTest {
    private final Preferences node = Preferences.userRoot().node("dev/overlaylab/app-test-" + ProcessHandle.current().pid());
    private final AppPrefs prefs = new AppPrefs(node);

    @AfterEach
    void removeNode() throws Exception {
        node.removeNode();
    }

    @Test
    void recentLabsAreNewestFirstWithoutDuplicatesAndCapped() {
        for (int i = 0; i < AppPrefs.MAX_RECENT + 2; i++) {
            prefs.addRecent(Path.of("/labs/l" + i + ".yaml"));
        }
        prefs.addRecent(Path.of("/labs/l5.yaml"));
        assertThat(prefs.recentLabs()).hasSize(AppPrefs.MAX_RECENT).first().isEqualTo(Path.of("/labs/l5.yaml"));
        assertThat(prefs.recentLabs()).doesNotHaveDuplicates().doesNotContain(Path.of("/labs/l0.yaml"));
    }

    @Test
    void themeIsRememberedAndAnUnknownValueFallsBackToSystem() {
        assertThat(prefs.theme()).isEqualTo(AppPrefs.Theme.SYSTEM);
        prefs.setTheme(AppPrefs.Theme.DARK);
        assertThat(new AppPrefs(node).theme()).isEqualTo(AppPrefs.Theme.DARK);
        node.put("theme", "PURPLE");
        assertThat(prefs.theme()).isEqualTo(AppPrefs.Theme.SYSTEM);
    }
}
