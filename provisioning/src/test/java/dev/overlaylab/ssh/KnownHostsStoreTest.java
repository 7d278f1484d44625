package dev.overlaylab.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownHostsStoreTest {
    @TempDir(factory = OltTempDir.class)
    Path tmp;

    private static PublicKey newKey() throws Exception {
        return KeyPairGenerator.getInstance("RSA").generateKeyPair().getPublic();
    }

    @Test
    void entriesAreKeyedByBracketedHostAndPortAndForgottenPerAddress() throws Exception {
        KnownHostsStore store = new KnownHostsStore(tmp.resolve("sub/known_hosts"));
        PublicKey a = newKey();
        store.record("127.0.0.1", 2222, a);
        store.record("127.0.0.1", 2223, newKey());

        assertThat(Files.readAllLines(store.file())).hasSize(2).first().asString().startsWith("[127.0.0.1]:2222 ssh-rsa AAAA");
        assertThat(store.lookup("127.0.0.1", 2222, "ssh-rsa")).hasValueSatisfying(
                e -> assertThat(e.fingerprint()).isEqualTo(KnownHostsStore.sha256Fingerprint(a)));
        assertThat(store.lookup("127.0.0.1", 22)).isEmpty();

        assertThat(store.forget("127.0.0.1", 2222)).isEqualTo(1);
        assertThat(store.lookup("127.0.0.1", 2222)).isEmpty();
        assertThat(store.lookup("127.0.0.1", 2223)).hasSize(1);
    }

    @Test
    void changedKeyIsRefusedAndRememberedAsMismatch() throws Exception {
        KnownHostsStore store = new KnownHostsStore(tmp.resolve("known_hosts"));
        PublicKey first = newKey();
        PublicKey second = newKey();
        StringBuilder announced = new StringBuilder();
        AppHostKeyVerifier verifier = new AppHostKeyVerifier(store, "n1", (node, hp, type, fp) -> announced.append(node).append(fp));
        assertThat(verifier.verify("10.0.0.5", 22, first)).isTrue();
        assertThat(announced.toString()).isEqualTo("n1" + KnownHostsStore.sha256Fingerprint(first));
        assertThat(verifier.verify("10.0.0.5", 22, first)).isTrue();
        assertThat(verifier.findExistingAlgorithms("10.0.0.5", 22)).containsExactly("ssh-rsa");

        AppHostKeyVerifier later = new AppHostKeyVerifier(store, "n1", HostKeyListener.NONE);
        assertThat(later.verify("10.0.0.5", 22, second)).isFalse();
        assertThat(later.mismatch()).hasValueSatisfying(e -> {
            assertThat(e.oldFingerprint()).isEqualTo(KnownHostsStore.sha256Fingerprint(first));
            assertThat(e.newFingerprint()).isEqualTo(KnownHostsStore.sha256Fingerprint(second));
            assertThat(e.getMessage()).contains("n1", "10.0.0.5:22", "CHANGED", "ssh-keygen -R '[10.0.0.5]:22'");
        });
        assertThat(store.lookup("10.0.0.5", 22)).hasSize(1);
    }

    @Test
    void dataFolderFollowsXdgDataHome() {
        assertThat(AppDataDir.resolve(Map.of("XDG_DATA_HOME", "/x/data"), "/home/u")).isEqualTo(Path.of("/x/data/overlay-lab"));
        assertThat(AppDataDir.resolve(Map.of(), "/home/u")).isEqualTo(Path.of("/home/u/.local/share/overlay-lab"));
        assertThat(AppDataDir.resolve(Map.of("XDG_DATA_HOME", "relative"), "/home/u")).isEqualTo(Path.of("/home/u/.local/share/overlay-lab"));
    }
}
