package dev.overlaylab.ssh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.crypto.util.OpenSSHPrivateKeyUtil;
import org.bouncycastle.crypto.util.OpenSSHPublicKeyUtil;

/**
 * The lab's own ed25519 key pair: {@code <data>/labs/<lab>/id_ed25519} (mode 0600, OpenSSH format,
 * readable by {@code ssh -i} too) and {@code id_ed25519.pub}, the line providers install in
 * {@code authorized_keys}. Generated once, reused by every later run.
 */
public final class LabKeys {
    static final String PRIVATE_NAME = "id_ed25519";

    private final Path dir;
    private final String comment;

    private LabKeys(Path dir, String comment) {
        this.dir = dir;
        this.comment = comment;
    }

    /** The key pair of a lab in the user's data folder (created on first use). */
    public static LabKeys forLab(String labName) {
        return in(AppDataDir.labDir(AppDataDir.resolve(), labName), "overlay-lab:" + labName);
    }

    /** A key pair kept in {@code dir} (tests, or a data folder chosen by the caller). */
    public static LabKeys in(Path dir, String comment) {
        return new LabKeys(dir, comment).ensure();
    }

    /**
     * A lab's key pair where it would be, without making one (the wizard's Test connection must not
     * leave a key behind for a lab that may never be saved): see {@link #exists()}.
     */
    public static LabKeys lookup(Path dir, String comment) {
        return new LabKeys(dir, comment);
    }

    /** The lab's key pair for {@code labName} in the user's data folder, without making one. */
    public static LabKeys lookup(String labName) {
        return lookup(AppDataDir.labDir(AppDataDir.resolve(), labName), "overlay-lab:" + labName);
    }

    /** Whether the key pair has been made (both files are there). */
    public boolean exists() {
        return Files.exists(privateKey()) && Files.exists(publicKeyFile());
    }

    public Path privateKey() {
        return dir.resolve(PRIVATE_NAME);
    }

    public Path publicKeyFile() {
        return dir.resolve(PRIVATE_NAME + ".pub");
    }

    /** {@code ssh-ed25519 AAAA... overlay-lab:<lab>}, one authorized_keys line. */
    public String publicKeyLine() {
        try {
            return Files.readString(publicKeyFile(), StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the lab public key " + publicKeyFile(), e);
        }
    }

    /** SHA256 fingerprint of the public key, as {@code ssh-keygen -lf} prints it. */
    public String fingerprint() {
        String[] parts = publicKeyLine().split("\\s+");
        return KnownHostsStore.sha256Fingerprint(Base64.getDecoder().decode(parts[1]));
    }

    private LabKeys ensure() {
        if (exists()) {
            return this;
        }
        try {
            Files.createDirectories(dir);
            trySetMode(dir, "rwx------");
            NewPair made = NewPair.make(comment);
            // The private key is created 0600 before any byte is written, then moved into place.
            Path tmp = dir.resolve(PRIVATE_NAME + ".tmp");
            Files.deleteIfExists(tmp);
            createPrivateFile(tmp);
            Files.writeString(tmp, made.privateText(), StandardCharsets.US_ASCII);
            Files.writeString(publicKeyFile(), made.publicLine(), StandardCharsets.US_ASCII);
            Files.move(tmp, privateKey(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the lab key pair in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Key generation, in a class of its own so that only a run that makes a key loads Bouncy Castle: its jars are
     * signed, the JVM checks their signatures on first load and cannot put their classes in olab's class-data
     * archive, and merely verifying {@code LabKeys} with this code inline loaded two of them (0.15 s of every
     * {@code olab verify}, measured with {@code -Xlog:class+load}). The private key file's text and the public key line.
     */
    private record NewPair(String privateText, String publicLine) {
        static NewPair make(String comment) throws IOException {
            // Bouncy Castle (on the classpath through sshj) writes OpenSSH's own formats: the
            // unencrypted openssh-key-v1 private key that sshj and ssh -i read, and the public blob.
            Ed25519KeyPairGenerator generator = new Ed25519KeyPairGenerator();
            generator.init(new Ed25519KeyGenerationParameters(new SecureRandom()));
            AsymmetricCipherKeyPair pair = generator.generateKeyPair();
            byte[] privateBlob = OpenSSHPrivateKeyUtil.encodePrivateKey(pair.getPrivate());
            byte[] publicBlob = OpenSSHPublicKeyUtil.encodePublicKey(pair.getPublic());
            String pem = "-----BEGIN OPENSSH PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(70, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(privateBlob)
                    + "\n-----END OPENSSH PRIVATE KEY-----\n";
            return new NewPair(pem, "ssh-ed25519 " + Base64.getEncoder().encodeToString(publicBlob) + " " + comment + "\n");
        }
    }

    private static void createPrivateFile(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
    }

    private static void trySetMode(Path path, String mode) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the user profile folder is already private to the user.
        }
    }
}
