package dev.overlaylab.provider.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.provider.local.LocalLabState.Entry;
import dev.overlaylab.provider.local.LocalLabState.Kind;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalLabStateTest {
    @TempDir
    Path tmp;

    @Test
    void recordsSurviveARestartInTheOrderMade() {
        Path file = tmp.resolve("lab/state");
        LocalLabState s = new LocalLabState(file);
        s.record(Kind.DIR, "/var/lib/overlay-lab/lab");
        s.record(Kind.LINK, "olb-123456");
        s.record(Kind.PID, "4242", "ol-lab-master");
        s.record(Kind.IPTABLES, "iptables-nft", "-i olb-123456 -o olb-123456 -j ACCEPT");

        assertThat(new LocalLabState(file).entries()).containsExactly(
                new Entry(Kind.DIR, "/var/lib/overlay-lab/lab", ""),
                new Entry(Kind.LINK, "olb-123456", ""),
                new Entry(Kind.PID, "4242", "ol-lab-master"),
                new Entry(Kind.IPTABLES, "iptables-nft", "-i olb-123456 -o olb-123456 -j ACCEPT"));
    }

    @Test
    void recordingTheSameThingTwiceKeepsOneRecord() {
        LocalLabState s = new LocalLabState(tmp.resolve("state"));
        s.record(Kind.LINK, "olb-123456");
        s.record(Kind.LINK, "olb-123456");
        assertThat(s.entries()).hasSize(1);
    }

    @Test
    void forgettingRemovesOnlyThatRecord() {
        LocalLabState s = new LocalLabState(tmp.resolve("state"));
        s.record(Kind.LINK, "a");
        s.record(Kind.LINK, "b");
        s.forget(new Entry(Kind.LINK, "a", ""));
        assertThat(s.entries()).containsExactly(new Entry(Kind.LINK, "b", ""));
    }
}
