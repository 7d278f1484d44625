package dev.overlaylab.ssh;

import java.time.Duration;

/**
 * The explicit limits of an SSH conversation.
 *
 * @param connect   TCP connect
 * @param handshake key exchange, login and channel opening (each request)
 * @param transfer  one SFTP request
 * @param keepAlive interval of keep-alive probes, so a dead node is noticed instead of waited for
 */
public record SshTimeouts(Duration connect, Duration handshake, Duration transfer, Duration keepAlive) {

    public static SshTimeouts defaults() {
        return new SshTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(60), Duration.ofSeconds(15));
    }
}
