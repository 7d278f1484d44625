package dev.overlaylab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EngineThreadsTest {

    @Test
    void etcdMembersAlwaysStartTogetherWhateverTheParallelism() {
        Stage etcd = Stage.of("etcd", Stage.Scope.ETCD_NODES);
        assertThat(Engine.threads(etcd, 3, 1)).isEqualTo(3);
        assertThat(Engine.threads(etcd, 3, 8)).isEqualTo(3);
    }

    @Test
    void otherStagesKeepTheParallelismLimit() {
        Stage flanneld = Stage.of("flanneld", Stage.Scope.ALL_NODES);
        assertThat(Engine.threads(flanneld, 6, 2)).isEqualTo(2);
        assertThat(Engine.threads(flanneld, 2, 8)).isEqualTo(2);
    }
}
