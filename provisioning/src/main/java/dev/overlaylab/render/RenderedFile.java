package dev.overlaylab.render;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One file a node gets, rendered in memory.
 *
 * @param path      absolute path on the node, e.g. {@code /etc/systemd/system/flanneld.service}
 * @param content   the file's text
 * @param mode      POSIX mode, e.g. {@code 0644}
 * @param component which stage owns it: {@code etcd}, {@code flannel}, {@code docker}, {@code network}
 * @param restarts  systemd units that read this file and must restart when it changes (in this order)
 */
public record RenderedFile(String path, String content, int mode, String component, List<String> restarts) {

    public RenderedFile {
        restarts = List.copyOf(restarts);
    }

    public byte[] bytes() {
        return content.getBytes(StandardCharsets.UTF_8);
    }

    /** True for systemd unit files and drop-ins: a change needs {@code systemctl daemon-reload}. */
    public boolean isSystemdUnit() {
        return path.startsWith("/etc/systemd/system/") || path.startsWith("/lib/systemd/system/");
    }
}
