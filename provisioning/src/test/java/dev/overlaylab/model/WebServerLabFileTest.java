package dev.overlaylab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@code server:} section of a virtualbox-ws lab: read, required, never holding a password. */
class WebServerLabFileTest {
    private static final String LAB = "name: ws\nprovider: virtualbox-ws\nprofile: ubuntu-16.04\n";

    private static Lab parse(String yaml) throws LabFileException {
        return LabLoader.parse(yaml, Optional.empty(), false, new Validator(Path.of("/nonexistent/networks.conf")));
    }

    @Test
    void theServerIsRead() throws LabFileException {
        Lab lab = parse(LAB + "server: {url: 'https://lab-server:18083/', user: alice}\n");
        assertThat(lab.server()).contains(new VBoxWebServer("https://lab-server:18083/", "alice"));
    }

    @Test
    void theExampleLabIsValid() throws LabFileException {
        Lab lab = LabLoader.load(Path.of("").toAbsolutePath().getParent().resolve("examples/two-node-vbox-ws.yaml"));
        assertThat(lab.provider()).isEqualTo("virtualbox-ws");
        assertThat(lab.server().orElseThrow().url()).isEqualTo("http://127.0.0.1:18083/");
    }

    @Test
    void aPasswordInTheFileIsRefused() {
        assertThatThrownBy(() -> parse(LAB + "server: {url: 'http://s:18083/', user: alice, password: hunter2}\n"))
                .isInstanceOfSatisfying(LabFileException.class, e -> assertThat(e.problems()).anySatisfy(p -> {
                    assertThat(p.path()).isEqualTo("server.password");
                    assertThat(p.message()).contains("never goes into a lab file").contains("OLAB_VBOXWS_PASSWORD");
                }));
    }

    @Test
    void theServerIsRequiredAndMustBeAnHttpUrl() {
        assertThatThrownBy(() -> parse(LAB)).isInstanceOfSatisfying(LabFileException.class,
                e -> assertThat(e.problems()).extracting(Problem::path).contains("server"));
        assertThatThrownBy(() -> parse(LAB + "server: {url: 'ftp://s/'}\n")).isInstanceOfSatisfying(LabFileException.class,
                e -> assertThat(e.problems()).extracting(Problem::path).contains("server.url"));
        assertThatThrownBy(() -> parse(LAB + "server: {url: 'http://bob:pw@s:18083/'}\n")).isInstanceOfSatisfying(
                LabFileException.class, e -> assertThat(e.problems()).extracting(Problem::message)
                        .anyMatch(m -> m.contains("carries a user or password")));
    }

    @Test
    void theDesignsOldNameIsExplained() {
        assertThatThrownBy(() -> parse("name: ws\nprovider: virtualbox-soap\nprofile: ubuntu-16.04\n"))
                .isInstanceOfSatisfying(LabFileException.class, e -> assertThat(e.problems()).extracting(Problem::message)
                        .anyMatch(m -> m.contains("'virtualbox-soap' is called 'virtualbox-ws'")));
    }

    @Test
    void anotherProvidersServerIsAMistake() {
        assertThatThrownBy(() -> parse("name: l\nprovider: virtualbox\nprofile: ubuntu-16.04\nserver: {url: 'http://s:18083/'}\n"))
                .isInstanceOfSatisfying(LabFileException.class, e -> assertThat(e.problems()).extracting(Problem::path)
                        .contains("server"));
    }
}
