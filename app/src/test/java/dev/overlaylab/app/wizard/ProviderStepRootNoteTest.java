package dev.overlaylab.app.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.app.engine.LabService;
import dev.overlaylab.app.engine.ProviderChoice;
import java.awt.Component;
import java.awt.Container;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

/**
 * The wizard's first step says what needs root and how the app gets it, for a provider the engine
 * gives a root note (the local provider, app run as a normal user): before the last step, not at it.
 * Headless: only lightweight components.
 */
class ProviderStepRootNoteTest {
    private static final String NOTE = "The local provider needs root: … Provision and Remove run olab as root through pkexec: "
            + "your system asks for an administrator's password each time.";

    private final LabService service = (LabService) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {LabService.class}, (proxy, m, args) -> switch (m.getName()) {
                case "rootNote" -> "local".equals(args[0]) ? Optional.of(NOTE) : Optional.empty();
                case "missingBaseImage" -> Optional.empty();
                default -> throw new UnsupportedOperationException(m.getName());
            });

    @Test
    void theLocalProviderSaysHowRootIsHadAndTheOthersSayNothingOfRoot() throws Exception {
        String[] local = new String[1];
        String[] hosts = new String[1];
        SwingUtilities.invokeAndWait(() -> {
            ProviderStep step = new ProviderStep(List.of(new ProviderChoice("local", Optional.empty()),
                    new ProviderChoice("hosts", Optional.empty())), service);
            local[0] = label(step, "wizard.provider.local.reason").getText();
            hosts[0] = label(step, "wizard.provider.hosts.reason").getText();
        });
        assertThat(local[0]).contains("Nodes are containers on this Linux machine", "pkexec", "administrator's password");
        assertThat(hosts[0]).doesNotContain("root", "pkexec");
    }

    private static JLabel label(Container c, String name) {
        for (Component k : c.getComponents()) {
            if (name.equals(k.getName()) && k instanceof JLabel l) {
                return l;
            }
            if (k instanceof Container inner) {
                JLabel found = label(inner, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
