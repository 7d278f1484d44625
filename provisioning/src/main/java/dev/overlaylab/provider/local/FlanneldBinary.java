package dev.overlaylab.provider.local;

import dev.overlaylab.model.FlannelSettings.BinarySource;
import dev.overlaylab.model.Lab;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * The flanneld binary a lab copies onto its nodes, as a file on this machine: the lab's
 * {@code flannel.binary.file} as is (relative paths resolve against the lab file's folder), or
 * its {@code url} downloaded once into {@code <cache>/flannel/sha256-<hash>} and checked against
 * {@code sha256}. Nothing provider-specific here; it lives beside the local provider until the
 * engine gives artifacts a home of their own.
 */
public final class FlanneldBinary {
    private static final Duration DOWNLOAD_TIMEOUT = Duration.ofMinutes(5);

    private FlanneldBinary() {
    }

    public static Path resolve(Lab lab, Path cacheRoot) {
        BinarySource src = lab.flannel().binary();
        if (src.file().isPresent()) {
            Path p = Path.of(src.file().get());
            if (!p.isAbsolute()) {
                p = lab.source().map(s -> s.toAbsolutePath().getParent()).orElse(Path.of("")).resolve(p);
            }
            if (!Files.isRegularFile(p)) {
                throw new LocalProviderException("flannel.binary.file " + p + " does not exist. sudo ./olab setup local "
                        + "builds flanneld 0.28.9 there; for flanneld " + lab.flannel().version() + " point the lab at its release URL and sha256");
            }
            return p;
        }
        String url = src.url().orElseThrow(() -> new LocalProviderException("the lab names no flanneld source (flannel.binary.url or .file)"));
        String sha = src.sha256().orElseThrow(() -> new LocalProviderException(
                "flannel.binary.url needs flannel.binary.sha256: a downloaded binary is only used when its checksum matches"))
                .toLowerCase();
        Path target = cacheRoot.resolve("flannel").resolve("sha256-" + sha);
        if (Files.isRegularFile(target)) {
            return target;
        }
        return download(url, sha, target);
    }

    private static Path download(String url, String sha, Path target) {
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            Files.createDirectories(target.getParent());
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                    .connectTimeout(Duration.ofSeconds(20)).build();
            HttpResponse<InputStream> resp = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(DOWNLOAD_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (resp.statusCode() != 200) {
                resp.body().close();
                throw new LocalProviderException("downloading flanneld from " + url + " failed: HTTP " + resp.statusCode());
            }
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(resp.body(), md)) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            String got = HexFormat.of().formatHex(md.digest());
            if (!got.equals(sha)) {
                Files.deleteIfExists(partial);
                throw new LocalProviderException("flanneld from " + url + " has sha256 " + got + ", the lab expects " + sha
                        + ". Check the URL and the checksum in the lab file.");
            }
            partial.toFile().setExecutable(true, false);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot download flanneld from " + url + " (offline? use flannel.binary.file)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalProviderException("interrupted while downloading flanneld from " + url, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
