package dev.overlaylab.provider.local;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits until an SSH server answers with its banner: the node booted and sshd runs. */
final class SshReadiness {
    private SshReadiness() {
    }

    /**
     * Polls {@code host:port} until it sends {@code SSH-}, at most {@code attempts} times and
     * {@code max} in all. Stops early when {@code stillBooting} turns false (nspawn exited).
     */
    static boolean await(String host, int port, Duration max, int attempts, BooleanSupplier stillBooting) {
        long deadline = System.nanoTime() + max.toNanos();
        for (int i = 0; i < attempts && System.nanoTime() < deadline; i++) {
            if (bannerSeen(host, port)) {
                return true;
            }
            if (!stillBooting.getAsBoolean()) {
                return false;
            }
            NspawnMachine.sleepQuietly(100);
        }
        return false;
    }

    static boolean bannerSeen(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 500);   // short: before the node has its address the SYN just vanishes
            s.setSoTimeout(2000);
            InputStream in = s.getInputStream();
            byte[] buf = new byte[4];
            int n = in.readNBytes(buf, 0, 4);
            return n == 4 && new String(buf, StandardCharsets.US_ASCII).equals("SSH-");
        } catch (IOException e) {
            return false;
        }
    }
}
