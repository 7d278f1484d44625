package dev.overlaylab.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.app.ui.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every literal message key used in the app's source exists in messages.properties. */
class MessagesTest {
    private static final Pattern KEY = Pattern.compile("Messages\\.(?:get|format)\\(\"([^\"]+)\"");
    private static final Pattern ACTION = Pattern.compile("super\\(\"([a-zA-Z.]+)\", ");

    @Test
    void everyKeyUsedInTheSourceIsInTheBundle() throws IOException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String src = Files.readString(f);
                collect(KEY.matcher(src), "", missing);
                if (src.contains("extends AppAction")) {
                    collect(ACTION.matcher(src), "action.", missing);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyStageCheckBackendAndStepHasItsLabel() {
        for (String stage : dev.overlaylab.app.engine.Stages.ALL) {
            assertThat(Messages.has("stage." + stage)).as(stage).isTrue();
        }
        for (var b : dev.overlaylab.app.wizard.BackendChoice.values()) {
            assertThat(Messages.has(b.key()) && Messages.has(b.key() + ".explain")).as(b.name()).isTrue();
        }
        for (var s : dev.overlaylab.app.wizard.WizardStep.values()) {
            assertThat(Messages.has(s.key()) && Messages.has(s.key() + ".intro")).as(s.name()).isTrue();
        }
        for (var c : dev.overlaylab.app.progress.StageCell.State.values()) {
            assertThat(Messages.has("cell." + c.name().toLowerCase(java.util.Locale.ROOT))).as(c.name()).isTrue();
        }
    }

    private static void collect(Matcher m, String prefix, List<String> missing) {
        while (m.find()) {
            String key = prefix + m.group(1);
            if (!key.endsWith(".") && !Messages.has(key)) {
                missing.add(key);
            }
        }
    }
}
