package dev.overlaylab.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every template in the templates module is one the renderer knows (so warmUp parses it) and one that
 * templates/README.md lists for people who override them.
 */
class TemplatesListedTest {
    private static final Path TEMPLATES = Path.of(System.getProperty("basedir", ".")).resolveSibling("templates").normalize();

    @Test
    void everyTemplateIsKnownToTheRendererAndListedInTheReadme() throws Exception {
        List<String> onDisk;
        try (Stream<Path> s = Files.walk(TEMPLATES)) {
            onDisk = s.filter(p -> p.toString().endsWith(".ftl") && !p.startsWith(TEMPLATES.resolve("target")))
                    .map(p -> TEMPLATES.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
        assertThat(onDisk).as("templates in %s", TEMPLATES).contains("kube/kubelet-config.yaml.ftl", "flannel/flanneld.service.ftl");
        assertThat(NodeFiles.allTemplates()).containsExactlyInAnyOrderElementsOf(onDisk);
        String readme = Files.readString(TEMPLATES.resolve("README.md"));
        assertThat(onDisk).allSatisfy(t -> assertThat(readme).as("templates/README.md lists %s", t).contains("`" + t + "`"));
    }
}
