package dev.overlaylab.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.cli.Olab;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The broken lab files under test resources {@code broken/}, run through {@code olab validate} as a
 * person would: each must exit 2, print nothing on stdout, and name its field path and position on
 * stderr. Each file's first line says what it expects: {@code # expect: PATH WORDS…}.
 */
class BrokenFilesTest {

    static Stream<String> brokenFiles() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(brokenDir())) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList();
            assertThat(names).hasSizeGreaterThanOrEqualTo(10);
            return names.stream();
        }
    }

    private static Path brokenDir() throws URISyntaxException {
        return Path.of(BrokenFilesTest.class.getResource("broken").toURI());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void validateExitsTwoNamingTheFieldAndItsLine(String name) throws Exception {
        Path file = brokenDir().resolve(name);
        String expect = Files.readAllLines(file).get(0);
        assertThat(expect).startsWith("# expect: ");
        String[] pathAndWords = expect.substring("# expect: ".length()).split(" ", 2);

        Run run = validate(file);

        assertThat(run.exit).isEqualTo(Olab.EXIT_BAD_INPUT);
        assertThat(run.out).isEmpty();
        assertThat(run.err).contains(pathAndWords[0] + ": ").contains(pathAndWords[1]).containsPattern("\\(line \\d+, column \\d+\\)");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"two-node-vbox.yaml", "two-node-local.yaml", "three-node-hostgw.yaml", "three-node-kubernetes.yaml"})
    void validatePrintsOkForEveryExample(String example) {
        Run run = validate(LabFiles.example(example));
        assertThat(run.exit).isZero();
        assertThat(run.out).isEqualTo("ok" + System.lineSeparator());
        assertThat(run.err).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "# a lab, some day\n"})
    void validateRefusesAnEmptyFileWithExitTwo(String text, @TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("empty.olab.yaml"), text);

        Run run = validate(file);

        assertThat(run.exit).isEqualTo(Olab.EXIT_BAD_INPUT);
        assertThat(run.out).isEmpty();
        assertThat(run.err).contains("the lab file is empty").contains(file.toString());
    }

    /** Issue 12 item 9: a flanneld path that does not exist here was "ok". */
    @org.junit.jupiter.api.Test
    void validateRefusesAFlanneldThatDoesNotExistHere(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("no-such-flanneld");
        String lab = """
                name: ap-binary
                provider: local
                profile: debian-12-nspawn
                network: {cidr: 192.168.88.0/24}
                nodes:
                  - {name: master, ip: 192.168.88.101}
                flannel:
                  network: 10.88.0.0/16
                  binary: {file: %s}
                """;
        Path file = Files.writeString(dir.resolve("ap-binary.yaml"), lab.formatted(missing));

        Run run = validate(file);
        assertThat(run.exit).isEqualTo(Olab.EXIT_BAD_INPUT);
        assertThat(run.err).contains("flannel.binary.file", missing + "' does not exist on this machine");

        Files.writeString(missing, "#!/bin/sh\n");
        assertThat(validate(file).exit).isEqualTo(Olab.EXIT_OK);
        Files.delete(missing);
        Files.createDirectory(missing);
        assertThat(validate(file).err).contains("is not a file");
    }

    private static Run validate(Path file) {
        CommandLine cl = Olab.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute("validate", file.toString());
        return new Run(exit, out.toString(), err.toString());
    }

    private record Run(int exit, String out, String err) {
    }
}
