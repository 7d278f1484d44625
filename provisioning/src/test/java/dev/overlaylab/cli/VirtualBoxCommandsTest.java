package dev.overlaylab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.overlaylab.provider.virtualbox.VBoxManageLocator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** halt / resume / snapshot as a person meets them on the command line (no VirtualBox needed). */
class VirtualBoxCommandsTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Olab.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private static String example(String name) {
        Path p = Path.of("..", "examples", name);
        assumeTrue(Files.isRegularFile(p), "examples/ not found from " + Path.of("").toAbsolutePath());
        return p.toString();
    }

    @Test
    void haltOnALabOfAnotherProviderIsBadInput() {
        int code = run("halt", example("two-node-local.yaml"));

        assertThat(code).isEqualTo(Olab.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("'olab halt' works on VirtualBox labs (virtualbox, virtualbox-ws); this lab's provider is 'local'");
    }

    @Test
    void snapshotSaveWithoutANameSaysHowToCallIt() {
        int code = run("snapshot", "save", example("two-node-vbox.yaml"));

        assertThat(code).isEqualTo(Olab.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("give the snapshot NAME, e.g. 'olab snapshot save")
                .contains("after-provision");
    }

    @Test
    void unknownSnapshotActionIsRejectedByTheParser() {
        assertThat(run("snapshot", "delete", example("two-node-vbox.yaml"), "x")).isEqualTo(Olab.EXIT_BAD_INPUT);
    }

    @Test
    void haltWithoutVirtualBoxFailsSayingItIsNotInstalled() {
        assumeTrue(VBoxManageLocator.forThisMachine().find().isEmpty(), "VirtualBox is installed here: this test would halt real VMs");

        int code = run("halt", example("two-node-vbox.yaml"));

        assertThat(code).isEqualTo(Olab.EXIT_FAILED);
        assertThat(err.toString()).startsWith("olab halt: VirtualBox is not installed here: no VBoxManage program was found.");
    }
}
