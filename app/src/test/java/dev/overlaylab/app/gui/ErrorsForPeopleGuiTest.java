package dev.overlaylab.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.app.AppContext;
import dev.overlaylab.app.AppPrefs;
import dev.overlaylab.app.verify.VerifyPanel;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.LabLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 12 item 6, against the real engine: Verify on a local lab that was never provisioned said
 * "no bridge olb-… recorded in /var/lib/overlay-lab/…: run ./olab up first". The lab name is unused
 * (ap-notup-PID) and nothing is created: the provider only reads that the lab's state is missing.
 */
@Tag("gui")
class ErrorsForPeopleGuiTest {
    @RegisterExtension
    final AppOnScreen app = new AppOnScreen("errtest", Path.of("target", "screenshots", "errors"));
    private final GuiDriver gui = app.gui();

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
        AppContext ctx = app.real();
        VerifyPanel panel = app.show("verify", 1100, 600, AppPrefs.Theme.LIGHT, () -> new VerifyPanel(ctx, lab));
        gui.click("verify.run");
        GuiDriver.waitFor("the verification to give up", () -> !panel.isRunning() && GuiDriver.find("verify.banner").isPresent());
        String shown = GuiDriver.textOf(gui.get("verify.banner"));
        gui.screenshot("verifyPanel", "verify-not-up");
        assertThat(shown).contains("Lab " + name + " is not running on this machine", "Click Provision")
                .doesNotContain("/var/lib", "olb-", "olab", "recorded in");
        assertThat(Files.exists(Path.of("/var/lib/overlay-lab", name))).as("nothing created").isFalse();
    }
}
