package dev.overlaylab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line built for a run: only the named subcommand when the first argument names one (a faster start),
 * every subcommand otherwise, and the same answers either way.
 */
class OlabCommandLineTest {

    @Test
    void aNamedSubcommandIsTheOnlyOneBuilt() {
        CommandLine cl = Olab.commandLine("verify", "lab.yaml", "--json");
        assertThat(cl.getSubcommands()).containsOnlyKeys("verify");
        assertThat(Olab.commandLine("ssh", "lab", "master", "curl", "-s").getSubcommands().get("ssh").isStopAtPositional()).isTrue();
    }

    @Test
    void everySubcommandIsBuiltForHelpVersionAndAnythingUnknown() {
        for (String[] args : new String[][] {{}, {"--help"}, {"-V"}, {"verfy"}, {"lab.yaml"}}) {
            assertThat(Olab.commandLine(args).getSubcommands()).as(String.join(" ", args)).hasSize(Olab.SUBCOMMANDS.size());
        }
        assertThat(Olab.SUBCOMMANDS.values()).extracting(c -> c.getAnnotation(Command.class).name()).doesNotHaveDuplicates()
                .contains("validate", "up", "verify", "diagnose", "down", "ssh");
        // the table's names are the commands' own
        Olab.SUBCOMMANDS.forEach((name, c) -> assertThat(c.getAnnotation(Command.class).name()).isEqualTo(name));
    }

    @Test
    void aSubcommandBuiltAloneAnswersHelpAndBadInputAsBefore() {
        CommandLine alone = Olab.commandLine("verify", "--help");
        StringWriter out = new StringWriter();
        alone.setOut(new PrintWriter(out));
        assertThat(alone.execute("verify", "--help")).isZero();
        StringWriter full = new StringWriter();
        CommandLine all = Olab.commandLine();
        all.setOut(new PrintWriter(full));
        all.execute("verify", "--help");
        assertThat(out.toString()).isEqualTo(full.toString()).contains("Usage: olab verify");

        CommandLine bad = Olab.commandLine("verify", "--no-such-option");
        bad.setErr(new PrintWriter(new StringWriter()));
        assertThat(bad.execute("verify", "--no-such-option")).isEqualTo(Olab.EXIT_BAD_INPUT);
    }

    @Test
    void aMisspeltCommandStillGetsPicocliSuggestion() {
        CommandLine cl = Olab.commandLine("verfy");
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        assertThat(cl.execute("verfy")).isEqualTo(Olab.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("verify");
    }
}
