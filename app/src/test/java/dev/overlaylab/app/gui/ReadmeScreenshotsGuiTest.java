package dev.overlaylab.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.app.AppContext;
import dev.overlaylab.app.AppPrefs;
import dev.overlaylab.app.LabWindow;
import dev.overlaylab.app.MainFrame;
import dev.overlaylab.app.progress.ProvisionPanel;
import dev.overlaylab.app.ui.Themes;
import dev.overlaylab.app.verify.VerifyPanel;
import dev.overlaylab.app.wizard.NewLabWizard;
import dev.overlaylab.app.wizard.WizardStep;
import dev.overlaylab.model.LabLoader;
import dev.overlaylab.progress.ProgressListener;
import java.awt.Window;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.prefs.Preferences;
import javax.swing.JComboBox;
import javax.swing.JTabbedPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Takes the README's screenshots from the shipped examples' labs, as they are: examples/two-node-local.yaml
 * (provisioning, verify, diagnose, regenerate diff — not pushed, the file stays as shipped) and
 * examples/three-node-hostgw.yaml (topology after a verification, a node clicked), plus the start screen
 * and the wizard's flannel step. Real local labs as root; both are taken down afterwards. Not part of
 * the test run: only with {@code -Dolab.readmeShots=DIR}, into DIR (e.g. assets/screenshots). The
 * examples' network 192.168.56.0/24 must be free while it runs.
 */
@Tag("gui")
@Tag("integration")
@EnabledIfSystemProperty(named = "olab.readmeShots", matches = ".+")
class ReadmeScreenshotsGuiTest {
    private static final String PREFS = "dev/overlaylab/app-readme-" + ProcessHandle.current().pid();
    private static final Path EXAMPLES = Path.of(System.getProperty("olab.examples", "../examples")).toAbsolutePath().normalize();
    private static final Duration UP = Duration.ofMinutes(12);
    private final List<Path> provisioned = new ArrayList<>();
    private GuiDriver gui;
    private AppContext ctx;
    private MainFrame frame;
    private Path out;

    private void forgetHostKeys() {
        var store = dev.overlaylab.ssh.KnownHostsStore.standard();
        for (String ip : new String[] {"192.168.56.101", "192.168.56.102", "192.168.56.103"}) {
            store.forget(ip, 22);
        }
    }

    @AfterEach
    void down() throws Exception {
        try {
            for (Path f : provisioned) {
                ctx.service().down(LabLoader.load(f), ProgressListener.NONE);
            }
        } finally {
            forgetHostKeys();
            GuiDriver.onEdt(() -> {
                Arrays.stream(Window.getWindows()).forEach(Window::dispose);
                return null;
            });
            Preferences.userRoot().node(PREFS).removeNode();
        }
    }

    private void shot(String component, String name) throws Exception {
        Path p = gui.screenshot(component, name);
        Files.copy(p, out.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private void tab(LabWindow lab, java.awt.Component c) throws Exception {
        GuiDriver.onEdt(() -> {
            lab.tabs().setSelectedComponent(c);
            return null;
        });
    }

    private LabWindow openAndProvision(Path file) throws Exception {
        java.awt.Component before = GuiDriver.onEdt(() -> GuiDriver.find("labWindow").orElse(null));
        GuiDriver.onEdt(() -> {
            frame.openLab(file);
            return null;
        });
        GuiDriver.waitFor("the lab window for " + file.getFileName(), () -> GuiDriver.find("labWindow")
                .map(c -> c != before).orElse(false));
        LabWindow lab = gui.get("labWindow");
        ProvisionPanel prov = GuiDriver.onEdt(lab::provisionPanel);
        provisioned.add(file);
        gui.click("provision.start");
        GuiDriver.waitFor("provisioning to start", prov::isRunning);
        GuiDriver.waitFor("provisioning of " + file.getFileName(), () -> !prov.isRunning(), UP);
        assertThat(GuiDriver.onEdt(() -> prov.grid().firstFailure())).as("provisioning failed").isEmpty();
        return lab;
    }

    private void verify(LabWindow lab) throws Exception {
        VerifyPanel verify = GuiDriver.onEdt(lab::verify);
        tab(lab, verify);
        gui.click("verify.run");
        GuiDriver.waitFor("verification to start", verify::isRunning);
        GuiDriver.waitFor("verification", () -> !verify.isRunning(), Duration.ofMinutes(4));
        if (!GuiDriver.onEdt(() -> verify.pairs().allPassed() && verify.nodes().failedCount() == 0)) {
            gui.click("verify.run"); // a first packet after boot may go unanswered: once more, as a person would
            GuiDriver.waitFor("verification to start", verify::isRunning);
            GuiDriver.waitFor("verification", () -> !verify.isRunning(), Duration.ofMinutes(4));
        }
        assertThat(GuiDriver.onEdt(() -> verify.nodes().failedCount() + verify.pairs().failedCount())).isZero();
    }

    @Test
    void readmeScreenshots() throws Exception {
        Prereq.require("root".equals(System.getProperty("user.name")), "needs root (the local provider boots nspawn nodes)");
        out = Files.createDirectories(Path.of(System.getProperty("olab.readmeShots")).toAbsolutePath());
        gui = new GuiDriver(Path.of("target", "screenshots", "readme"));
        forgetHostKeys();
        frame = GuiDriver.onEdt(() -> {
            ctx = AppContext.real(new AppPrefs(Preferences.userRoot().node(PREFS)));
            Themes.install(AppPrefs.Theme.LIGHT);
            MainFrame f = new MainFrame(ctx);
            f.setSize(1280, 820);
            f.setLocation(0, 0);
            f.setVisible(true);
            return f;
        });
        GuiDriver.waitFor("the machine check", () -> GuiDriver.find("start.machine.local").isPresent(), Duration.ofSeconds(60));
        shot("startPanel", "start-machine");

        // The wizard's flannel step, as a new lab starts (nothing typed but the provider and the backend).
        gui.click("start.newLab");
        NewLabWizard w = gui.get("wizard");
        gui.click("wizard.provider.local");
        GuiDriver.waitFor("validation", () -> !w.isValidating());
        gui.click("wizard.next");
        GuiDriver.waitFor("nodes step", () -> w.currentStep() == WizardStep.NODES);
        GuiDriver.waitFor("validation", () -> !w.isValidating());
        gui.click("wizard.next");
        GuiDriver.waitFor("flannel step", () -> w.currentStep() == WizardStep.FLANNEL);
        gui.click("wizard.backend.vxlan");
        GuiDriver.waitFor("validation", () -> !w.isValidating());
        shot("wizard", "wizard-flannel");
        GuiDriver.onEdt(() -> {
            w.dispose();
            return null;
        });

        // The two-node example: provisioning, verify, diagnose, regenerate's diff (not pushed).
        LabWindow lab = openAndProvision(EXAMPLES.resolve("two-node-local.yaml"));
        shot("labWindow", "provisioning");
        verify(lab);
        shot("labWindow", "verify");
        tab(lab, GuiDriver.onEdt(lab::diagnose));
        gui.click("diagnose.run");
        GuiDriver.waitFor("diagnosis to start", () -> lab.diagnose().isRunning());
        GuiDriver.waitFor("diagnosis", () -> !lab.diagnose().isRunning(), Duration.ofMinutes(4));
        shot("labWindow", "diagnose");
        JTabbedPane tabs = GuiDriver.onEdt(lab::tabs);
        GuiDriver.onEdt(() -> {
            tabs.setSelectedIndex(3);
            ((JComboBox<?>) GuiDriver.find("regen.backend").orElseThrow()).setSelectedItem(
                    dev.overlaylab.app.wizard.BackendChoice.HOST_GW);
            return null;
        });
        gui.click("regen.showDiff");
        javax.swing.JList<?> files = gui.get("regen.files");
        GuiDriver.waitFor("diff", () -> files.getModel().getSize() > 0, Duration.ofMinutes(1));
        shot("labWindow", "regenerate");
        GuiDriver.onEdt(() -> {
            ((JComboBox<?>) GuiDriver.find("regen.backend").orElseThrow()).setSelectedItem(
                    dev.overlaylab.app.wizard.BackendChoice.VXLAN);
            return null;
        });

        // Down before the next lab comes up: the machine's nspawn nodes (and inotify instances) are shared.
        Path twoNode = provisioned.remove(0);
        ctx.service().down(LabLoader.load(twoNode), ProgressListener.NONE);

        // The three-node host-gw example: topology after a verification, node1 clicked.
        LabWindow hostgw = openAndProvision(EXAMPLES.resolve("three-node-hostgw.yaml"));
        verify(hostgw);
        tab(hostgw, GuiDriver.onEdt(hostgw::topology));
        GuiDriver.onEdt(() -> {
            hostgw.topology().view().select(Optional.of("node1"));
            return null;
        });
        shot("labWindow", "topology");
    }
}
