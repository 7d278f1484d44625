package dev.overlaylab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code templates:} in a lab file: where the folder is, what the validator says about it, how it is written back. */
class TemplatesFieldTest {
    private static final String LAB = """
            name: tpl
            provider: local
            profile: debian-12-nspawn
            network: {cidr: 192.168.56.0/24}
            """;

    @TempDir
    Path tmp;

    private Lab load(Path file) throws LabFileException {
        String yaml;
        try {
            yaml = Files.readString(file);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        return LabLoader.parse(yaml, Optional.of(file), false, new Validator(Path.of("/nonexistent/networks.conf")));
    }

    private Path labFile(String dir, String templatesLine) throws Exception {
        Path folder = Files.createDirectories(tmp.resolve(dir));
        return Files.writeString(folder.resolve("lab.yaml"), LAB + templatesLine + "\n");
    }

    private static List<Problem> problems(ThrowingLoad load) {
        try {
            load.run();
            return List.of();
        } catch (LabFileException e) {
            return e.problems();
        }
    }

    private interface ThrowingLoad {
        void run() throws LabFileException;
    }

    @Test
    void aRelativeFolderIsTakenFromTheLabFilesFolderNotTheWorkingDirectory() throws Exception {
        Files.createDirectories(tmp.resolve("labs/my-templates/docker"));
        Files.writeString(tmp.resolve("labs/my-templates/docker/10-flannel.conf.ftl"), "# ${managed}\n");
        Files.createDirectories(tmp.resolve("shared/docker"));
        Path file = labFile("labs", "templates: my-templates");

        assertThat(load(file).templates()).contains(tmp.resolve("labs/my-templates").toAbsolutePath());
        Path up = Files.writeString(tmp.resolve("labs/up.yaml"), LAB + "templates: ../shared\n");
        assertThat(load(up).templates()).contains(tmp.resolve("shared").toAbsolutePath().normalize());
        assertThat(load(Files.writeString(tmp.resolve("labs/abs.yaml"), LAB + "templates: " + tmp.resolve("shared") + "\n"))
                .templates()).contains(tmp.resolve("shared"));
    }

    @Test
    void aLabWithoutTemplatesHasNone() throws Exception {
        assertThat(LabFiles.parse(LAB).templates()).isEmpty();
    }

    @Test
    void aMissingFolderIsAProblemAtItsLineNamingTheResolvedPath() throws Exception {
        Path file = labFile("labs", "templates: my-templates");

        List<Problem> p = problems(() -> load(file));

        assertThat(p).hasSize(1);
        assertThat(p.get(0).path()).isEqualTo("templates");
        assertThat(p.get(0).line()).isEqualTo(5);
        assertThat(p.get(0).message()).contains(tmp.resolve("labs/my-templates").toString(), "does not exist",
                "relative path is taken from the lab file's folder");
    }

    @Test
    void aFileInsteadOfAFolderIsAProblem() throws Exception {
        Files.createDirectories(tmp.resolve("labs"));
        Files.writeString(tmp.resolve("labs/flanneld.service.ftl"), "x");
        Path file = labFile("labs", "templates: flanneld.service.ftl");
        List<Problem> p = problems(() -> load(file));

        assertThat(p).singleElement().satisfies(x -> assertThat(x.message()).contains("is a file, not a folder"));
    }

    @Test
    void aMisspeltTemplateIsNamedWithTheNearestBuiltInNames() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("labs/t/docker"));
        Files.writeString(dir.resolve("10-flanel.conf.ftl"), "# ${managed}\n");
        Files.writeString(dir.resolve("10-flannel.conf.ftl"), "# ${managed}\n");     // a right one beside it: no problem
        Files.writeString(tmp.resolve("labs/t/flanneld.service.ftl"), "# ${managed}\n"); // folder left out
        Files.writeString(tmp.resolve("labs/t/README.md"), "notes, not a template");

        Path file = labFile("labs", "templates: t");
        List<Problem> p = problems(() -> load(file));

        assertThat(p).hasSize(2).allSatisfy(x -> assertThat(x.path()).isEqualTo("templates"));
        assertThat(p.get(0).message()).contains("'docker/10-flanel.conf.ftl'", "replaces no built-in template",
                "nearest built-in templates: docker/10-flannel.conf.ftl");
        assertThat(p.get(1).message()).contains("'flanneld.service.ftl'", "nearest built-in templates: flannel/flanneld.service.ftl");
    }

    @Test
    void theBuiltInNamesAreExactlyTheTemplatesModulesFiles() throws Exception {
        Path templates = Path.of(System.getProperty("basedir", ".")).resolveSibling("templates").normalize();
        List<String> onDisk;
        try (Stream<Path> s = Files.walk(templates)) {
            onDisk = s.filter(p -> p.toString().endsWith(".ftl") && !p.startsWith(templates.resolve("target")))
                    .map(p -> templates.relativize(p).toString()).sorted().toList();
        }
        assertThat(onDisk).contains("docker/10-flannel.conf.ftl");
        assertThat(TemplateFolderRules.builtInNames()).containsExactlyElementsOf(onDisk);
    }

    @Test
    void aWrittenLabKeepsItsTemplatesFolder() throws Exception {
        Files.createDirectories(tmp.resolve("labs/t/docker"));
        Files.writeString(tmp.resolve("labs/t/docker/10-flannel.conf.ftl"), "# ${managed}\n");
        Lab lab = load(labFile("labs", "templates: t"));

        String yaml = LabWriter.toYaml(lab);
        Lab again = LabFiles.parse(yaml);

        assertThat(yaml).contains("templates: " + tmp.resolve("labs/t").toAbsolutePath());
        assertThat(again.templates()).isEqualTo(lab.templates());
        assertThat(again).isEqualTo(new Lab(lab.name(), lab.provider(), lab.profile(), lab.network(),
                lab.nodes(), lab.etcd(), lab.flannel(), lab.docker(), lab.verify(), lab.kubernetes(), Optional.empty(), lab.server(),
                lab.templates()));
        assertThat(LabWriter.toYaml(LabFiles.parse(LAB))).doesNotContain("templates");
    }

    @Test
    void copiesOfALabKeepItsTemplatesFolder() throws Exception {
        Files.createDirectories(tmp.resolve("labs/t"));
        Lab lab = load(labFile("labs", "templates: t"));
        assertThat(lab.withDocker(new DockerSettings(java.util.OptionalInt.of(1400))).templates()).isEqualTo(lab.templates());
        assertThat(lab.withFlannel(lab.flannel()).templates()).isEqualTo(lab.templates());
        assertThat(lab.withKubernetes(Optional.empty()).templates()).isEqualTo(lab.templates());
    }

    @Test
    void templatesIsNotAnUnknownFieldAndATypoOfItIs() {
        assertThat(LabFiles.problems(LAB + "tempaltes: t\n")).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("templates"));
        assertThatThrownBy(() -> LabFiles.parse(LAB + "templates: /nonexistent/olab-templates\n"))
                .isInstanceOf(LabFileException.class).hasMessageContaining("/nonexistent/olab-templates");
    }
}
