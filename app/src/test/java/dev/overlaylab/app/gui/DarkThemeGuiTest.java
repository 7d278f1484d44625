package dev.overlaylab.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.app.AppPrefs;
import dev.overlaylab.app.MainFrame;
import dev.overlaylab.app.ui.Themes;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.swing.JButton;
import javax.swing.UIManager;
import javax.swing.text.JTextComponent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12 item 9: what switching to the dark theme did to fonts and to a disabled button. */
@Tag("gui")
class DarkThemeGuiTest {
    @RegisterExtension
    final AppOnScreen app = new AppOnScreen("darktest", Path.of("target", "screenshots", "dark"));
    private final GuiDriver gui = app.gui();
    @TempDir
    Path labDir;
    private MainFrame frame;

    @BeforeEach
    void openApp() throws Exception {
        frame = app.mainFrame(app.real());
    }

    private static boolean monospaced(Font f) {
        Font mono = UIManager.getFont("monospaced.font");
        return f.getFamily().equals(mono.getFamily()) && !f.getFamily().equals(UIManager.getFont("Label.font").getFamily());
    }

    @Test
    void switchingThemeKeepsTheMonospacedLogEvidenceAndFindings() throws Exception {
        Path file = Files.writeString(labDir.resolve("ap-dark.yaml"), """
                name: ap-dark
                provider: local
                profile: debian-12-nspawn
                network: {cidr: 192.168.88.0/24}
                nodes:
                  - {name: master, ip: 192.168.88.101}
                  - {name: node1, ip: 192.168.88.102}
                flannel: {network: 10.88.0.0/16}
                """);
        GuiDriver.onEdt(() -> {
            frame.openLab(file);
            return null;
        });
        gui.get("labWindow");
        String[] texts = {"provision.log", "verify.details", "verify.findings"};
        javax.swing.JTabbedPane tabs = gui.get("lab.tabs");
        java.util.Map<String, JTextComponent> found = new java.util.HashMap<>();
        for (String name : texts) {
            GuiDriver.onEdt(() -> {
                tabs.setSelectedIndex(name.startsWith("verify") ? 1 : 0);
                return null;
            });
            found.put(name, gui.get(name));
            assertThat(monospaced(GuiDriver.onEdt(found.get(name)::getFont))).as(name + " before").isTrue();
        }
        for (AppPrefs.Theme theme : new AppPrefs.Theme[] {AppPrefs.Theme.DARK, AppPrefs.Theme.LIGHT}) {
            GuiDriver.onEdt(() -> {
                Themes.switchTo(theme);
                return null;
            });
            for (String name : texts) {
                JTextComponent t = found.get(name);
                assertThat(monospaced(GuiDriver.onEdt(t::getFont))).as(name + " after switching to " + theme).isTrue();
            }
        }
    }

    /** How far the button's brightest or darkest text pixel stands out from its middle-left background. */
    private static double contrast(JButton b) {
        BufferedImage img = new BufferedImage(b.getWidth(), b.getHeight(), BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        b.paint(g);
        g.dispose();
        double bg = lum(img.getRGB(8, b.getHeight() / 2));
        double most = 0;
        for (int x = 6; x < b.getWidth() - 6; x++) {
            for (int y = 6; y < b.getHeight() - 6; y++) {
                most = Math.max(most, Math.abs(lum(img.getRGB(x, y)) - bg));
            }
        }
        return most;
    }

    private static double lum(int rgb) {
        return 0.2126 * (rgb >> 16 & 255) + 0.7152 * (rgb >> 8 & 255) + 0.0722 * (rgb & 255);
    }

    @Test
    void aDisabledNextLooksDisabledInTheDarkTheme() throws Exception {
        GuiDriver.onEdt(() -> {
            Themes.switchTo(AppPrefs.Theme.DARK);
            return null;
        });
        gui.click("start.newLab");
        JButton next = gui.get("wizard.next");
        JButton back = gui.get("wizard.back");
        GuiDriver.waitFor("Next enabled", next::isEnabled);
        gui.type("wizard.name", "");
        GuiDriver.waitFor("Next disabled", () -> !next.isEnabled());
        gui.screenshot("wizard.next", "wizard-dark-next-disabled");
        double disabled = GuiDriver.onEdt(() -> contrast(next));
        // Back is disabled on the first step too: a disabled Next must look like it (before: bold and bright).
        assertThat(GuiDriver.onEdt(back::isEnabled)).isFalse();
        double backDisabled = GuiDriver.onEdt(() -> contrast(back));
        assertThat(Math.abs(disabled - backDisabled)).as("disabled Next's text contrast %.0f vs disabled Back's %.0f",
                disabled, backDisabled).isLessThan(15);
        // FlatLaf draws the default button bold and bright whether or not it is enabled (the screenshot
        // of the defect): a disabled Next is not the default button, and is again once enabled.
        assertThat((boolean) GuiDriver.onEdt(next::isDefaultButton)).isFalse();
        gui.type("wizard.name", "ap-dark");
        GuiDriver.waitFor("Next enabled again", next::isEnabled);
        assertThat((boolean) GuiDriver.onEdt(next::isDefaultButton)).isTrue();
    }
}
