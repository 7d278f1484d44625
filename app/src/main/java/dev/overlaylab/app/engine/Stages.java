package dev.overlaylab.app.engine;

import java.util.List;

/**
 * The provisioning stages in the seeds' order (docs/architecture.md); ids are the {@code stage} values of
 * {@code ProgressEvent}s. The provisioning grid shows one column per stage.
 */
public final class Stages {
    public static final List<String> ALL = List.of(
            "nodes", "base", "etcd", "network-config", "flanneld", "docker", "verify");

    private Stages() {
    }

    /** Index of a stage id, or -1 for ids this build does not know (shown in the log only). */
    public static int indexOf(String stage) {
        return ALL.indexOf(stage);
    }
}
