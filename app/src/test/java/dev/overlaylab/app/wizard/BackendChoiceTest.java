package dev.overlaylab.app.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.model.FlannelSettings;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackendChoiceTest {

    @Test
    void theMtuShownForEachBackendIsTheOneTheEngineGivesDocker() {
        assertThat(BackendChoice.VXLAN.flannelMtu()).isEqualTo(1450);
        assertThat(BackendChoice.UDP.flannelMtu()).isEqualTo(1472);
        assertThat(BackendChoice.HOST_GW.flannelMtu()).isEqualTo(1500);
        assertThat(BackendChoice.DIRECT_ROUTING.flannelMtu()).isEqualTo(1450);
        for (BackendChoice c : BackendChoice.values()) {
            FlannelSettings f = new FlannelSettings("0.28.9", "10.1.0.0/16", 24, Optional.empty(), Optional.empty(),
                    new FlannelSettings.Backend(c.type(), c.directRouting() ? Map.of("DirectRouting", true) : Map.of()),
                    Optional.empty(), false, new FlannelSettings.BinarySource(Optional.empty(), Optional.empty(), Optional.empty()));
            assertThat(c.flannelMtu()).as(c.name()).isEqualTo(f.overlayMtu());
        }
    }
}
