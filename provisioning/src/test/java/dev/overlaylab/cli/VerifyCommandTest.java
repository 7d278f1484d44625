package dev.overlaylab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {

    private static int run(StringWriter err, String... args) {
        var cl = Olab.commandLine();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        return cl.execute(args);
    }

    @Test
    void aLabFileWithProblemsExitsTwoAndNamesTheField(@TempDir Path dir) throws Exception {
        Path lab = Files.writeString(dir.resolve("bad.yaml"), """
                name: olv-bad
                provider: local
                network: {cidr: 192.168.57.0/24}
                nodes:
                  - {name: master, ip: 10.9.9.9}
                flannel: {network: 10.1.0.0/16}
                """);
        StringWriter err = new StringWriter();

        assertThat(run(err, "verify", lab.toString())).isEqualTo(Olab.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("nodes[0].ip");
    }

    @Test
    void aMissingLabFileExitsTwo() {
        StringWriter err = new StringWriter();

        assertThat(run(err, "verify", "/nonexistent/olv-lab.yaml")).isEqualTo(Olab.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("/nonexistent/olv-lab.yaml");
    }
}
