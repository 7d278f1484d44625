package dev.overlaylab.ssh;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.EdECPublicKey;

/**
 * An ed25519 key pair from the JDK written in OpenSSH's own formats: the public key blob of
 * {@code id_ed25519.pub} and the unencrypted {@code openssh-key-v1} private key file (PROTOCOL.key),
 * which both sshj and the ssh command read. The JDK has the algorithm; only the encoding is ours.
 */
final class OpenSshEd25519 {
    private static final String TYPE = "ssh-ed25519";
    private final byte[] seed;
    private final byte[] publicKey;
    private final int checkInt;

    private OpenSshEd25519(byte[] seed, byte[] publicKey, int checkInt) {
        this.seed = seed;
        this.publicKey = publicKey;
        this.checkInt = checkInt;
    }

    static OpenSshEd25519 generate(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(255, random);
            KeyPair pair = generator.generateKeyPair();
            byte[] seed = ((EdECPrivateKey) pair.getPrivate()).getBytes()
                    .orElseThrow(() -> new IllegalStateException("the JDK did not expose the ed25519 private key bytes"));
            return new OpenSshEd25519(seed, rawPublic((EdECPublicKey) pair.getPublic()), random.nextInt());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java has no Ed25519 (needs Java 15 or later)", e);
        }
    }

    /** RFC 8032 encoding: y little-endian in 32 bytes, the top bit holding whether x is odd. */
    static byte[] rawPublic(EdECPublicKey key) {
        BigInteger y = key.getPoint().getY();
        byte[] bigEndian = y.toByteArray();
        byte[] out = new byte[32];
        for (int i = 0; i < 32 && i < bigEndian.length; i++) {
            out[i] = bigEndian[bigEndian.length - 1 - i];
        }
        if (key.getPoint().isXOdd()) {
            out[31] |= (byte) 0x80;
        }
        return out;
    }

    /** {@code string "ssh-ed25519", string key}: what authorized_keys base64-encodes. */
    byte[] publicBlob() {
        return build(out -> {
            string(out, TYPE.getBytes(StandardCharsets.US_ASCII));
            string(out, publicKey);
        });
    }

    /** The binary body of an unencrypted {@code openssh-key-v1} file (the caller base64-wraps it). */
    byte[] privateKeyFile(String comment) {
        byte[] privateSection = build(out -> {
            out.writeInt(checkInt);
            out.writeInt(checkInt);
            string(out, TYPE.getBytes(StandardCharsets.US_ASCII));
            string(out, publicKey);
            byte[] secret = new byte[64];
            System.arraycopy(seed, 0, secret, 0, 32);
            System.arraycopy(publicKey, 0, secret, 32, 32);
            string(out, secret);
            string(out, comment.getBytes(StandardCharsets.UTF_8));
            int written = out.size();
            for (int pad = 1; (written + pad - 1) % 8 != 0; pad++) {
                out.writeByte(pad);
            }
        });
        return build(out -> {
            out.write("openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII));
            string(out, "none".getBytes(StandardCharsets.US_ASCII));
            string(out, "none".getBytes(StandardCharsets.US_ASCII));
            string(out, new byte[0]);
            out.writeInt(1);
            string(out, publicBlob());
            string(out, privateSection);
        });
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] build(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void string(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value.length);
        out.write(value);
    }
}
