package dev.overlaylab.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.app.AppContext;
import dev.overlaylab.app.AppPrefs;
import dev.overlaylab.app.MainFrame;
import dev.overlaylab.app.engine.HostKeyNotices;
import dev.overlaylab.app.engine.LabService;
import dev.overlaylab.app.ui.Themes;
import dev.overlaylab.provider.Readiness;
import dev.overlaylab.provider.Readiness.Fact;
import java.awt.GraphicsEnvironment;
import java.awt.Window;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.prefs.Preferences;
import javax.swing.JLabel;
import javax.swing.JTextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The start screen shows this machine's readiness: every failing fact with its fix, as olab doctor does. */
@Tag("gui")
class StartScreenGuiTest {
    private static final String PREFS = "dev/overlaylab/app-startscreen-" + ProcessHandle.current().pid();
    private static final List<Readiness> REPORT = List.of(
            new Readiness("local", List.of(Fact.ok("root", "running as root"))),
            new Readiness("virtualbox", List.of(Fact.ok("version", "VirtualBox 7.2.22, driver VBoxDriver72"),
                    Fact.fail("kernel drivers", "/dev/vboxdrv and /dev/vboxnetctl do not exist",
                            "sudo apt install virtualbox-dkms linux-headers-$(uname -r), then sudo modprobe vboxdrv vboxnetadp vboxnetflt"))));
    private GuiDriver gui;

    /** A LabService that answers only what the start screen asks: the readiness report. */
    private static LabService scripted(List<Readiness> report) {
        return (LabService) Proxy.newProxyInstance(LabService.class.getClassLoader(), new Class<?>[] {LabService.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "readiness" -> report;
                    case "providers" -> List.of();
                    case "toString" -> "scripted";
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private void open(List<Readiness> report) throws Exception {
        Prereq.require(System.getenv("DISPLAY") != null && !GraphicsEnvironment.isHeadless(),
                "needs an X display: run under Xvfb, e.g. `xvfb-run -a mvn -pl app -am test`");
        gui = new GuiDriver(Path.of("target", "screenshots"));
        GuiDriver.onEdt(() -> {
            AppContext ctx = new AppContext(scripted(report), new AppPrefs(Preferences.userRoot().node(PREFS)), new HostKeyNotices());
            Themes.install(AppPrefs.Theme.LIGHT);
            MainFrame frame = new MainFrame(ctx);
            frame.setSize(1280, 820);
            frame.setVisible(true);
            return frame;
        });
    }

    @AfterEach
    void close() throws Exception {
        if (gui == null) {
            return;
        }
        GuiDriver.onEdt(() -> {
            Arrays.stream(Window.getWindows()).forEach(Window::dispose);
            return null;
        });
        Preferences.userRoot().node(PREFS).removeNode();
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
        Preferences.userRoot().node(PREFS).putBoolean("machineCheckSeen", true);
        open(List.of(REPORT.get(0)));

        GuiDriver.waitFor("the machine check", () -> GuiDriver.find("start.machine.local").isPresent());

        String local = GuiDriver.onEdt(() -> ((JLabel) GuiDriver.find("start.machine.local").orElseThrow()).getText());

        assertThat(local).isEqualTo("local: ready");
        assertThat(GuiDriver.find("start.machine.fix.local.root")).isEmpty();
    }
}
