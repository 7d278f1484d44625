package dev.overlaylab.render.kube;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;

/**
 * A lab's own certificate authority and the certificates it issues to Kubernetes' components, kept as
 * PEM files in one folder of the lab's state ({@code <data dir>/labs/<lab>/kubernetes/pki}). Made once
 * and then only read, so rendering twice gives the same bytes and {@code up} again changes nothing; a
 * certificate is issued again only when what it must say changed (e.g. the master's address in the
 * apiserver's names). ECDSA P-256 throughout: quick to make, accepted by every component.
 */
public final class Pki {
    static final Duration VALIDITY = Duration.ofDays(3650);
    private static final String CA = "ca";

    private final Path dir;

    public Pki(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** A certificate with its key, both PEM. */
    public record Issued(String certPem, String keyPem) {
    }

    /** What a certificate says: its subject (CN and organisations), names and use. */
    public record Request(String file, String commonName, List<String> organizations, List<String> dnsNames,
            List<String> ips, boolean server, boolean client) {
        public Request {
            organizations = List.copyOf(organizations);
            dnsNames = List.copyOf(dnsNames);
            ips = List.copyOf(ips);
        }

        /** One line that changes whenever the certificate would have to say something else. */
        String fingerprint() {
            return "cn=" + commonName + ";o=" + new TreeSet<>(organizations) + ";dns=" + new TreeSet<>(dnsNames)
                    + ";ip=" + new TreeSet<>(ips) + ";server=" + server + ";client=" + client;
        }

        public static Request client(String file, String cn, String... orgs) {
            return new Request(file, cn, List.of(orgs), List.of(), List.of(), false, true);
        }
    }

    /** The CA's certificate (PEM), making the CA on first use. */
    public synchronized String caCert() {
        return ca().certPem();
    }

    /** The certificate {@code r} asks for: the one on disk when it still says the same, else a new one. */
    public synchronized Issued issue(Request r) {
        Path crt = dir.resolve(r.file() + ".crt");
        Path key = dir.resolve(r.file() + ".key");
        Path req = dir.resolve(r.file() + ".request");
        Issued ca = ca();
        try {
            if (Files.isRegularFile(crt) && Files.isRegularFile(key) && Files.isRegularFile(req)
                    && Files.readString(req).equals(r.fingerprint() + "\n")) {
                return new Issued(Files.readString(crt), Files.readString(key));
            }
            KeyPair pair = newKeyPair();
            X509Certificate cert = sign(r, pair, readKey(ca.keyPem()), parseCert(ca.certPem()));
            Issued out = new Issued(pem(cert), pem(pair.getPrivate()));
            write(key, out.keyPem(), "rw-------");
            write(crt, out.certPem(), "rw-r--r--");
            write(req, r.fingerprint() + "\n", "rw-r--r--");
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the lab's Kubernetes certificates in " + dir + ": " + e, e);
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("cannot issue the certificate " + r.file() + ": " + e.getMessage(), e);
        }
    }

    /** The service-account signing key (PEM private key) and its public half, made once. */
    public synchronized Issued serviceAccountKey() {
        Path key = dir.resolve("sa.key");
        Path pub = dir.resolve("sa.pub");
        try {
            if (Files.isRegularFile(key) && Files.isRegularFile(pub)) {
                return new Issued(Files.readString(pub), Files.readString(key));
            }
            KeyPair pair = newKeyPair();
            Issued out = new Issued(pem(pair.getPublic()), pem(pair.getPrivate()));
            write(key, out.keyPem(), "rw-------");
            write(pub, out.certPem(), "rw-r--r--");
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the lab's service-account key in " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make the service-account key: " + e.getMessage(), e);
        }
    }

    private Issued ca() {
        Path crt = dir.resolve(CA + ".crt");
        Path key = dir.resolve(CA + ".key");
        try {
            if (Files.isRegularFile(crt) && Files.isRegularFile(key)) {
                return new Issued(Files.readString(crt), Files.readString(key));
            }
            KeyPair pair = newKeyPair();
            X500Name name = name("overlay-lab-ca", List.of());
            Instant now = Instant.now();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, serial(), Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(VALIDITY)), name, pair.getPublic());
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pair.getPublic()));
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
            Issued out = new Issued(pem(cert), pem(pair.getPrivate()));
            write(key, out.keyPem(), "rw-------");
            write(crt, out.certPem(), "rw-r--r--");
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the lab's Kubernetes CA in " + dir, e);
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("cannot make the lab's Kubernetes CA: " + e.getMessage(), e);
        }
    }

    private static X509Certificate sign(Request r, KeyPair pair, PrivateKey caKey, X509Certificate caCert)
            throws GeneralSecurityException, IOException, org.bouncycastle.operator.OperatorCreationException {
        Instant now = Instant.now();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(caCert, serial(), Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(VALIDITY)), name(r.commonName(), r.organizations()), pair.getPublic());
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        List<KeyPurposeId> uses = new ArrayList<>();
        if (r.server()) {
            uses.add(KeyPurposeId.id_kp_serverAuth);
        }
        if (r.client()) {
            uses.add(KeyPurposeId.id_kp_clientAuth);
        }
        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(uses.toArray(KeyPurposeId[]::new)));
        b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(caCert));
        List<GeneralName> names = new ArrayList<>();
        r.dnsNames().forEach(d -> names.add(new GeneralName(GeneralName.dNSName, d)));
        r.ips().forEach(ip -> names.add(new GeneralName(GeneralName.iPAddress, ip)));
        if (!names.isEmpty()) {
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(GeneralName[]::new)));
        }
        return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKey)));
    }

    private static X500Name name(String cn, List<String> orgs) {
        X500NameBuilder n = new X500NameBuilder(BCStyle.INSTANCE);
        orgs.forEach(o -> n.addRDN(BCStyle.O, o));
        n.addRDN(BCStyle.CN, cn);
        return n.build();
    }

    private static BigInteger serial() {
        return new BigInteger(63, new SecureRandom()).add(BigInteger.ONE);
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    static String pem(Object o) throws IOException {
        StringWriter w = new StringWriter();
        try (JcaPEMWriter p = new JcaPEMWriter(w)) {
            if (o instanceof PrivateKey key) {
                // PKCS#8 ("PRIVATE KEY") names the curve; Go reads it for TLS and service-account keys alike
                p.writeObject(new org.bouncycastle.util.io.pem.PemObject("PRIVATE KEY", key.getEncoded()));
            } else {
                p.writeObject(o);
            }
        }
        return w.toString();
    }

    static X509Certificate parseCert(String pem) throws IOException, GeneralSecurityException {
        try (PEMParser p = new PEMParser(new StringReader(pem))) {
            return new JcaX509CertificateConverter().getCertificate((org.bouncycastle.cert.X509CertificateHolder) p.readObject());
        }
    }

    private static PrivateKey readKey(String pem) throws IOException {
        try (PEMParser p = new PEMParser(new StringReader(pem))) {
            Object o = p.readObject();
            JcaPEMKeyConverter c = new JcaPEMKeyConverter();
            return o instanceof PEMKeyPair kp ? c.getPrivateKey(kp.getPrivateKeyInfo()) : c.getPrivateKey((PrivateKeyInfo) o);
        }
    }

    private static void write(Path file, String text, String perms) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text);
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString(perms));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The names in a certificate's subject alternative names, for tests and the diagnoser. */
    static Set<String> sans(String certPem) throws IOException, GeneralSecurityException {
        Set<String> out = new TreeSet<>();
        var names = parseCert(certPem).getSubjectAlternativeNames();
        if (names != null) {
            names.forEach(n -> out.add(String.valueOf(n.get(1))));
        }
        return out;
    }
}
