package dev.overlaylab.provider.local;

import dev.overlaylab.exec.ExecRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * TEMPORARY stand-in for the sshetcd helper's {@code LabKeys} until it lands in main: one ed25519
 * key pair per lab, made with ssh-keygen once and kept in the lab's keys folder. Replace every use
 * with {@code LabKeys} when it is available.
 */
final class TemporaryLabKey {
    private TemporaryLabKey() {
    }

    /** The private key file, generated when missing. */
    static Path ensure(ExecRunner runner, Path keysDir, String labName) {
        Path key = keysDir.resolve("id_ed25519");
        if (Files.exists(key) && Files.exists(publicKeyFile(key))) {
            return key;
        }
        try {
            Files.createDirectories(keysDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + keysDir, e);
        }
        runner.check(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "overlay-lab:" + labName,
                "-f", key.toString()), Duration.ofSeconds(30));
        return key;
    }

    static Path publicKeyFile(Path privateKey) {
        return privateKey.resolveSibling(privateKey.getFileName() + ".pub");
    }

    static String publicKey(Path privateKey) {
        try {
            return Files.readString(publicKeyFile(privateKey)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the lab's public key " + publicKeyFile(privateKey), e);
        }
    }
}
