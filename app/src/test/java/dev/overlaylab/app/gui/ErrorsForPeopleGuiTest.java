package dev.overlaylab.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.app.AppContext;
import dev.overlaylab.app.AppPrefs;
import dev.overlaylab.app.ui.Themes;
import dev.overlaylab.app.verify.VerifyPanel;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.LabLoader;
import java.awt.GraphicsEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.prefs.Preferences;
import javax.swing.JFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 6, against the real engine: Verify on a local lab that was never provisioned said
 * "no bridge olb-… recorded in /var/lib/overlay-lab/…: run ./olab up first". The lab name is unused
 * (ap-notup-PID) and nothing is created: the provider only reads that the lab's state is missing.
 */
@Tag("gui")
class ErrorsForPeopleGuiTest {
    private static final String PREFS = "dev/overlaylab/app-errtest-" + ProcessHandle.current().pid();
    private GuiDriver gui;
    private JFrame frame;

    @BeforeEach
    void display() throws Exception {
        String display = System.getenv("DISPLAY");
        Prereq.require(display != null && !display.isBlank() && !GraphicsEnvironment.isHeadless(),
                "needs an X display: run under Xvfb, e.g. `xvfb-run -a mvn -pl app -am test`");
        gui = new GuiDriver(Path.of("target", "screenshots", "errors"));
    }

    @AfterEach
    void close() throws Exception {
        if (frame != null) {
            GuiDriver.onEdt(() -> {
                frame.dispose();
                return null;
            });
        }
        Preferences.userRoot().node(PREFS).removeNode();
    }

    @Test
    void verifyOnALabThatIsNotUpSaysWhatToClick() throws Exception {
        String name = "ap-notup-" + ProcessHandle.current().pid();
        assertThat(Files.exists(Path.of("/var/lib/overlay-lab", name))).as("an unused lab name").isFalse();
        Lab lab = LabLoader.parse("""
                name: %s
                provider: local
                profile: debian-12-nspawn
                network: {cidr: 192.168.88.0/24}
                nodes:
                  - {name: master, ip: 192.168.88.101}
                  - {name: node1, ip: 192.168.88.102}
                flannel: {network: 10.88.0.0/16}
                """.formatted(name), Optional.empty());
        AppContext ctx = AppContext.real(new AppPrefs(Preferences.userRoot().node(PREFS)));
        VerifyPanel panel = GuiDriver.onEdt(() -> {
            Themes.install(AppPrefs.Theme.LIGHT);
            VerifyPanel p = new VerifyPanel(ctx, lab);
            frame = new JFrame("verify");
            frame.setContentPane(p);
            frame.setSize(1100, 600);
            frame.setVisible(true);
            return p;
        });
        gui.click("verify.run");
        GuiDriver.waitFor("the verification to give up", () -> !panel.isRunning() && GuiDriver.find("verify.banner").isPresent());
        String shown = GuiDriver.textOf(gui.get("verify.banner"));
        gui.screenshot("verifyPanel", "verify-not-up");
        assertThat(shown).contains("Lab " + name + " is not running on this machine", "Click Provision")
                .doesNotContain("/var/lib", "olb-", "olab", "recorded in");
        assertThat(Files.exists(Path.of("/var/lib/overlay-lab", name))).as("nothing created").isFalse();
    }
}
