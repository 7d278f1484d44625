package dev.overlaylab.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.app.AppContext;
import dev.overlaylab.app.AppPrefs;
import dev.overlaylab.app.diagnose.DiagnosePanel;
import dev.overlaylab.app.verify.VerifyPanel;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.LabLoader;
import java.awt.Font;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.swing.JTabbedPane;
import javax.swing.JTextArea;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Diagnose tab against {@link DiagnoseDouble}: Diagnose runs the service and shows each finding's id,
 * evidence and fix; Fix and the separately confirmed "also change" call the service's fix; Practice is
 * confirmed, hides the diagnosis until revealed, and is disabled with its reason where the lab is not local.
 * Wired to a Verify tab as LabWindow wires them.
 */
@Tag("gui")
class DiagnosePanelGuiTest {
    @RegisterExtension
    final AppOnScreen app = new AppOnScreen("diagtest", Path.of("target", "screenshots", "diagnose"));
    private final GuiDriver gui = app.gui();
    private final DiagnoseDouble service = new DiagnoseDouble();
    private final List<Boolean> practising = new CopyOnWriteArrayList<>();
    private DiagnosePanel panel;
    private VerifyPanel verify;
    private JTabbedPane tabs;

    private static Lab lab(String provider) throws Exception {
        return LabLoader.parse("""
                name: olg-diag
                provider: %s
                profile: %s
                network: {cidr: 192.168.56.0/24}
                nodes:
                  - {name: master, ip: 192.168.56.101}
                  - {name: node1, ip: 192.168.56.102}
                """.formatted(provider, provider.equals("local") ? "debian-12-nspawn" : "debian-12"), Optional.empty());
    }

    private void open(String provider, AppPrefs.Theme theme) throws Exception {
        Lab lab = lab(provider);
        AppContext ctx = app.context(service);
        app.show("diagnose", 1024, 700, theme, () -> {
            verify = new VerifyPanel(ctx, lab);
            panel = new DiagnosePanel(ctx, lab);
            tabs = new JTabbedPane();
            tabs.addTab("Verify", verify);
            tabs.addTab("Diagnose", panel);
            panel.setOnMatrix(verify::showOutcome);
            panel.setOnPractising(hide -> {
                practising.add(hide);
                verify.hideFindings(hide);
            });
            panel.setOnShowMatrix(() -> tabs.setSelectedComponent(verify));
            verify.setOnDiagnose(() -> {
                tabs.setSelectedComponent(panel);
                panel.diagnoseIfAllowed();
            });
            tabs.setSelectedComponent(panel);
            return tabs;
        });
    }

    private String findingsText() throws Exception {
        return GuiDriver.textOf(gui.get("diagnose.findings"));
    }

    private void diagnose() throws Exception {
        gui.click("diagnose.run");
        GuiDriver.waitFor("the findings", () -> !panel.isRunning() && service.diagnoseCalls > 0);
    }

    @Test
    void diagnoseShowsEachFindingWithItsIdCauseEvidenceAndFix() throws Exception {
        open("local", AppPrefs.Theme.LIGHT);
        assertThat(gui.enabled("diagnose.fix")).isFalse();
        diagnose();
        gui.screenshot("diagnosePanel", "findings-light");
        String text = findingsText();
        assertThat(text).contains("flanneld-down", "flanneld is not running on node1",
                "node1 $ systemctl show flanneld -p ActiveState,SubState,UnitFileState", "UnitFileState=disabled",
                "forward-drop", "node1 $ iptables -S FORWARD", "-A FORWARD -s 10.1.0.0/16 -j DROP",
                "remove the DROP rule", "Fix can apply this", "Only \u201cFix, also changing");
        // The engine's command-line advice becomes the button that does it here.
        assertThat(text).contains("(Fix does both)").doesNotContain("olab");
        JTextArea excerpt = gui.get("diagnose.finding.excerpt");
        assertThat(GuiDriver.onEdt(() -> excerpt.getFont().getFamily())).isEqualTo(FindingsView_mono());
        // The matrix of the run reached the Verify tab.
        assertThat(GuiDriver.onEdt(() -> verify.pairs().failedCount())).isEqualTo(2);
        assertThat(gui.enabled("diagnose.fix")).isTrue();
        assertThat(gui.enabled("diagnose.force")).isTrue();
    }

    private static String FindingsView_mono() throws Exception {
        return GuiDriver.onEdt(() -> {
            Font f = javax.swing.UIManager.getFont("monospaced.font");
            return f != null ? f.getFamily() : Font.MONOSPACED;
        });
    }

    @Test
    void diagnoseNextToVerifyRunsTheDiagnosisOnTheDiagnoseTab() throws Exception {
        open("local", AppPrefs.Theme.LIGHT);
        GuiDriver.onEdt(() -> {
            tabs.setSelectedComponent(verify);
            return null;
        });
        gui.screenshot("verifyPanel", "verify-with-diagnose-light");
        gui.click("verify.diagnose");
        GuiDriver.waitFor("the findings", () -> !panel.isRunning() && service.diagnoseCalls == 1);
        assertThat(GuiDriver.onEdt(panel::isShowing)).isTrue();
        assertThat(findingsText()).contains("flanneld-down", "forward-drop");
    }

    @Test
    void anErrorSaysWhatHappenedWithoutCommandLineAdvice() throws Exception {
        // Worded as the engine's errors are: the cause, then advice for the command line.
        service.diagnoseFails = new IllegalStateException("node1 (192.168.56.102) did not answer on port 22; run olab up lab.yaml first");
        open("local", AppPrefs.Theme.LIGHT);
        diagnose();
        gui.screenshot("diagnosePanel", "error-light");
        String shown = GuiDriver.textOf(gui.get("diagnose.banner"));
        assertThat(shown.strip()).isEqualTo("Diagnosis could not run: node1 (192.168.56.102) did not answer on port 22");
        assertThat(gui.enabled("diagnose.run")).isTrue();
    }

    @Test
    void fixCallsTheServiceThenShowsWhatChangedAndTheNewDiagnosis() throws Exception {
        open("local", AppPrefs.Theme.LIGHT);
        diagnose();
        gui.click("diagnose.fix");
        GuiDriver.waitFor("the fix", () -> !panel.isRunning() && !service.fixCalls.isEmpty());
        gui.screenshot("diagnosePanel", "fixed-light");
        assertThat(service.fixCalls).containsExactly(false);
        JTextArea changes = gui.get("diagnose.changes");
        assertThat((String) GuiDriver.onEdt(changes::getText)).contains("flanneld node1 enable", "Not applied",
                "iptables -D FORWARD -s 10.1.0.0/16 -j DROP");
        assertThat(findingsText()).contains("No findings").doesNotContain("flanneld-down");
        assertThat(GuiDriver.textOf(gui.get("diagnose.summary"))).contains("Healthy");
        assertThat(GuiDriver.onEdt(() -> verify.pairs().failedCount())).isZero();
    }

    @Test
    void alsoChangingWhatTheLabDidNotMakeAsksFirstAndNamesTheCommands() throws Exception {
        open("local", AppPrefs.Theme.DARK);
        diagnose();
        gui.screenshot("diagnosePanel", "findings-dark");
        gui.click("diagnose.force");
        gui.window("diagnose.confirmForce");
        gui.screen("confirm-force-dark");
        assertThat(GuiDriver.textOf(gui.window("diagnose.confirmForce")))
                .contains("node1: iptables -D FORWARD -s 10.1.0.0/16 -j DROP");
        gui.click("diagnose.confirmForce.cancel");
        GuiDriver.waitFor("the question to close", () -> GuiDriver.find("diagnose.confirmForce").isEmpty());
        assertThat(service.fixCalls).isEmpty();

        gui.click("diagnose.force");
        gui.click("diagnose.confirmForce.yes");
        GuiDriver.waitFor("the forced fix", () -> !panel.isRunning() && !service.fixCalls.isEmpty());
        assertThat(service.fixCalls).containsExactly(true);
    }

    @Test
    void practiceIsDisabledWithItsReasonWhereTheLabIsNotLocal() throws Exception {
        open("hosts", AppPrefs.Theme.LIGHT);
        gui.screenshot("diagnosePanel", "practice-unavailable-light");
        assertThat(gui.enabled("practice.start")).isFalse();
        assertThat(gui.enabled("practice.reveal")).isFalse();
        assertThat(gui.enabled("practice.repair")).isFalse();
        assertThat(GuiDriver.textOf(gui.get("practice.status"))).contains("only for labs that run on this computer");
        assertThat(gui.enabled("diagnose.run")).isTrue();
    }

    @Test
    void practiceConfirmsBreaksHidesTheDiagnosisThenRevealsAndRepairs() throws Exception {
        service.broken = false;
        open("local", AppPrefs.Theme.DARK);
        gui.click("practice.start");
        gui.window("practice.confirm");
        gui.screen("confirm-practice-dark");
        gui.click("practice.confirm.cancel");
        GuiDriver.waitFor("the question to close", () -> GuiDriver.find("practice.confirm").isEmpty());
        assertThat(service.practiceCalls).isEmpty();

        gui.click("practice.start");
        gui.click("practice.confirm.yes");
        GuiDriver.waitFor("the break", () -> !panel.isRunning() && !service.practiceCalls.isEmpty());
        gui.screenshot("diagnosePanel", "practising-dark");
        assertThat(service.practiceCalls).containsExactly("olg-diag");
        assertThat(practising).containsExactly(true);
        assertThat(findingsText()).doesNotContain("flanneld-down");
        assertThat(GuiDriver.textOf(gui.get("practice.status"))).contains("One thing is broken on node1")
                .doesNotContain("flanneld-down");
        assertThat(gui.enabled("diagnose.run")).isFalse(); // Diagnose would give it away
        assertThat(GuiDriver.onEdt(() -> verify.pairs().failedCount())).isEqualTo(2);
        assertThat(GuiDriver.textOf(verify)).contains("Hidden while you practise").doesNotContain("flanneld-down");
        gui.click("practice.showMatrix");
        GuiDriver.waitFor("the Verify tab in front", verify::isShowing);
        gui.screenshot("verifyPanel", "practising-matrix-dark");
        GuiDriver.onEdt(() -> {
            tabs.setSelectedComponent(panel);
            return null;
        });

        gui.click("practice.reveal");
        GuiDriver.waitFor("the reveal", () -> !panel.isRunning() && service.diagnoseCalls == 2);
        gui.screenshot("diagnosePanel", "revealed-dark");
        assertThat(GuiDriver.textOf(gui.get("practice.status"))).contains("Injected: flanneld-down on node1", "named it");
        assertThat(findingsText()).contains("flanneld-down");
        assertThat(practising).containsExactly(true, false);

        gui.click("practice.repair");
        GuiDriver.waitFor("the repair", () -> !panel.isRunning() && !service.fixCalls.isEmpty());
        assertThat(service.fixCalls).containsExactly(false); // flanneld-down lies in what the lab made: no force
        assertThat(GuiDriver.textOf(gui.get("practice.status"))).contains("Repaired");
        assertThat(gui.enabled("practice.start")).isTrue();
    }
}
