package dev.overlaylab.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.model.FlannelSettings.Backend;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RenderModelTest {
    @Test
    void versionsCompareByMajorAndMinor() {
        assertThat(RenderModel.atLeast("0.11.0", 0, 11)).isTrue();
        assertThat(RenderModel.atLeast("0.10.0", 0, 11)).isFalse();
        assertThat(RenderModel.atLeast("v0.28.9", 0, 11)).isTrue();
        assertThat(RenderModel.atLeast("1.0", 0, 11)).isTrue();
        assertThat(RenderModel.atLeast("2.2.5", 3, 0)).isFalse();
        assertThat(RenderModel.atLeast("3.4.23", 3, 0)).isTrue();
    }

    @Test
    void backendOptionsFollowFlannelsDocumentedOrderThenNames() {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("Zeta", "z");
        options.put("DirectRouting", true);
        options.put("Alpha", 1);
        options.put("VNI", 4096);
        options.put("Port", 4789);

        assertThat(BackendOptions.ordered(new Backend("vxlan", options)))
                .extracting(o -> o.get("name"))
                .containsExactly("VNI", "Port", "DirectRouting", "Alpha", "Zeta");
    }
}
