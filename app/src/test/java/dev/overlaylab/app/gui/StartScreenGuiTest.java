package dev.overlaylab.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.provider.Readiness;
import dev.overlaylab.provider.Readiness.Fact;
import java.nio.file.Path;
import java.util.List;
import javax.swing.JLabel;
import javax.swing.JTextArea;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The start screen shows this machine's readiness: every failing fact with its fix, as olab doctor does. */
@Tag("gui")
class StartScreenGuiTest {
    private static final List<Readiness> REPORT = List.of(
            new Readiness("local", List.of(Fact.ok("root", "running as root"))),
            new Readiness("virtualbox", List.of(Fact.ok("version", "VirtualBox 7.2.22, driver VBoxDriver72"),
                    Fact.fail("kernel drivers", "/dev/vboxdrv and /dev/vboxnetctl do not exist",
                            "sudo apt install virtualbox-dkms linux-headers-$(uname -r), then sudo modprobe vboxdrv vboxnetadp vboxnetflt"))));
    @RegisterExtension
    final AppOnScreen app = new AppOnScreen("startscreen", Path.of("target", "screenshots"));
    private final GuiDriver gui = app.gui();

    /** The app with an engine that answers only what the start screen asks: the readiness report. */
    private void open(List<Readiness> report) throws Exception {
        app.mainFrame(app.context(new LabServiceDouble() {
            @Override
            public List<Readiness> readiness() {
                return report;
            }
        }));
    }

    @Test
    void aProviderThatIsNotReadyIsShownWithEachFailureAndItsFix() throws Exception {
        open(REPORT);

        GuiDriver.waitFor("the machine check", () -> GuiDriver.find("start.machine.virtualbox").isPresent());
        JLabel vbox = gui.get("start.machine.virtualbox");
        JTextArea fix = gui.get("start.machine.fix.virtualbox.kernel drivers");

        String status = GuiDriver.onEdt(vbox::getText);
        String fixText = GuiDriver.onEdt(fix::getText);
        boolean editable = GuiDriver.onEdt(fix::isEditable);

        assertThat(status).isEqualTo("virtualbox: not ready");
        assertThat(fixText).isEqualTo("sudo apt install virtualbox-dkms linux-headers-$(uname -r), then"
                + " sudo modprobe vboxdrv vboxnetadp vboxnetflt");
        assertThat(editable).as("selectable to copy, not editable").isFalse();
        gui.screenshot("start.machine", "start-machine-not-ready");
    }

    @Test
    void aReadyMachineSeenBeforeIsOneLinePerProvider() throws Exception {
        app.preferences().putBoolean("machineCheckSeen", true);
        open(List.of(REPORT.get(0)));

        GuiDriver.waitFor("the machine check", () -> GuiDriver.find("start.machine.local").isPresent());

        String local = GuiDriver.onEdt(() -> ((JLabel) GuiDriver.find("start.machine.local").orElseThrow()).getText());

        assertThat(local).isEqualTo("local: ready");
        assertThat(GuiDriver.find("start.machine.fix.local.root")).isEmpty();
    }
}
