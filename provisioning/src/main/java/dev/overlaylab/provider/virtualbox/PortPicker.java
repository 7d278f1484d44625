package dev.overlaylab.provider.virtualbox;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Chooses the host port of a node's SSH forward: the preferred one or the next above it that no
 * other VM forwards (from their {@code Forwarding} lines, which cover VMs that are off too) and that
 * nothing listens on right now (probed by binding 127.0.0.1).
 */
public final class PortPicker {
    static final int MAX_TRIES = 200;
    private final IntPredicate bindable;

    public PortPicker(IntPredicate bindable) {
        this.bindable = bindable;
    }

    public static PortPicker probingLoopback() {
        return new PortPicker(PortPicker::canBind);
    }

    public int pick(int preferred, Set<Integer> taken) {
        for (int i = 0, port = preferred; i < MAX_TRIES && port <= 65535; i++, port++) {
            if (!taken.contains(port) && bindable.test(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free TCP port on 127.0.0.1 between " + preferred + " and "
                + Math.min(65535, preferred + MAX_TRIES - 1) + " for a node's SSH forward; "
                + "stop other VMs or programs using that range");
    }

    static boolean canBind(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(false);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
