package dev.overlaylab.provider.vboxws;

import dev.overlaylab.provider.vboxws.soap.VBoxWebServiceException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.overlaylab.model.VBoxWebServer;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Where the web service's password comes from, and the refusal of an API this build does not speak. */
class WsConnectorTest {
    private static final VBoxWebServer ALICE = new VBoxWebServer("http://lab-server:18083/", "alice");

    @Test
    void theEnvironmentVariableWinsAndNothingIsAsked() {
        AtomicInteger asked = new AtomicInteger();
        WsConnector c = new WsConnector(Map.of(WsConnector.PASSWORD_ENV, "pw"), (u, who) -> {
            asked.incrementAndGet();
            return Optional.of("typed".toCharArray());
        }, u -> null);
        assertThat(new String(c.password(ALICE))).isEqualTo("pw");
        assertThat(asked).hasValue(0);
        assertThat(c.passwordSource(ALICE)).isEqualTo(WsConnector.PASSWORD_ENV);
    }

    @Test
    void theUserIsAskedOnceAndAnEmptyUserNever() {
        AtomicInteger asked = new AtomicInteger();
        WsConnector c = new WsConnector(Map.of(), (u, who) -> {
            asked.incrementAndGet();
            return Optional.of("typed".toCharArray());
        }, u -> null);
        assertThat(new String(c.password(ALICE))).isEqualTo("typed");
        assertThat(new String(c.password(ALICE))).isEqualTo("typed");
        assertThat(asked).hasValue(1);
        assertThat(c.password(new VBoxWebServer("http://lab-server:18083/", ""))).isEmpty();
        assertThat(asked).hasValue(1);
    }

    @Test
    void aDeclinedPromptSaysHowElseToGiveIt() {
        WsConnector c = new WsConnector(Map.of(), ServerPasswordPrompt.NONE, u -> null);
        assertThatThrownBy(() -> c.password(ALICE)).isInstanceOf(VBoxWebServiceException.class)
                .hasMessageContaining("no password for alice@http://lab-server:18083/").hasMessageContaining("OLAB_VBOXWS_PASSWORD");
    }

    @Test
    void anUnknownApiVersionIsRefusedNamingTheSupportedOnes() {
        assertThat(ApiAdapters.pick("7_1", "7.1.4", "u")).isInstanceOf(Api71.class);
        assertThatThrownBy(() -> ApiAdapters.pick("8_0", "8.0.0", "http://lab-server:18083/"))
                .isInstanceOf(VBoxWebServiceException.class)
                .hasMessageContaining("VirtualBox 8.0.0 (API 8_0), which this Overlay Lab does not speak; supported APIs: 7_0, 7_1, 7_2");
        assertThatThrownBy(() -> ApiAdapters.pick("6_1", "6.1.50", "u")).hasMessageContaining("API 6_1");
    }
}
