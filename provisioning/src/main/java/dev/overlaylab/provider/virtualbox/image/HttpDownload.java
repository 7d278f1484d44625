package dev.overlaylab.provider.virtualbox.image;

import dev.overlaylab.progress.ProgressEvent;
import dev.overlaylab.progress.ProgressEvent.Status;
import dev.overlaylab.progress.ProgressListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Downloads one file over HTTP(S) with the JDK's client into {@code TARGET.partial}, resuming with
 * a {@code Range} request after a lost connection (within this run, a bounded number of attempts,
 * and in a later run from whatever the {@code .partial} holds), then checks its SHA-256 and only
 * then renames it to TARGET. A file that fails the check is deleted: a damaged download must not be
 * resumed or imported. Progress is a {@link DownloadProgress} event at most every {@code every}.
 */
public final class HttpDownload {
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (?:(\\d+)-\\d+|\\*)/(\\d+|\\*)");

    /** How to wait between attempts; tests pass one that does not sleep. */
    @FunctionalInterface
    public interface Pause {
        void pause(Duration d) throws InterruptedException;
    }

    private final HttpClient client;
    private final int attempts;
    private final Duration between;
    private final Pause pause;
    private final Duration every;
    private final LongSupplier nanos;

    public HttpDownload(HttpClient client, int attempts, Duration between, Pause pause, Duration every, LongSupplier nanos) {
        this.client = client;
        this.attempts = Math.max(1, attempts);
        this.between = between;
        this.pause = pause;
        this.every = every;
        this.nanos = nanos;
    }

    /** Redirects followed (Vagrant Cloud answers with one to its storage), 5 attempts 3 s apart, progress every second. */
    public static HttpDownload standard() {
        HttpClient c = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30)).build();
        return new HttpDownload(c, 5, Duration.ofSeconds(3), d -> Thread.sleep(d.toMillis()), Duration.ofSeconds(1), System::nanoTime);
    }

    /** The partial file a download into {@code target} writes to. */
    public static Path partialOf(Path target) {
        return target.resolveSibling(target.getFileName() + ".partial");
    }

    /**
     * Fetches {@code uri} into {@code target} and returns the file's SHA-256 (hex). With
     * {@code sha256}, a different digest deletes the download and throws.
     */
    public String fetch(URI uri, Path target, Optional<String> sha256, String stage, ProgressListener progress)
            throws InterruptedException {
        Path partial = partialOf(target);
        try {
            Files.createDirectories(target.getParent());
        } catch (IOException e) {
            throw new ImageException("cannot create the image cache folder " + target.getParent() + ": " + e.getMessage()
                    + "\n  fix: check that the folder is writable and the disk is not full", e);
        }
        progress.on(ProgressEvent.of(stage, "", DownloadProgress.STEP, Status.STARTED, uri.toString()));
        long t0 = nanos.getAsLong();
        String lastError = "";
        boolean complete = false;
        for (int attempt = 1; attempt <= attempts && !complete; attempt++) {
            if (attempt > 1) {
                long have = sizeOf(partial);
                progress.on(ProgressEvent.of(stage, "", DownloadProgress.STEP, Status.PROGRESS, "connection lost after "
                        + DownloadProgress.size(have) + " (" + lastError + "); resuming from there, attempt " + attempt + "/" + attempts));
                pause.pause(between);
            }
            try {
                complete = oneAttempt(uri, partial, stage, progress);
                if (!complete) {
                    lastError = "the server closed the connection before the end of the file";
                }
            } catch (IOException e) {
                lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
            } catch (RetryableStatus e) {
                lastError = e.getMessage();
            }
        }
        if (!complete) {
            throw new ImageException("could not download " + uri + " in " + attempts + " attempts: " + lastError
                    + "\n  the " + DownloadProgress.size(sizeOf(partial)) + " fetched so far are kept in " + partial
                    + "\n  fix: check the network connection (and a proxy: the JDK's -Dhttps.proxyHost), then run the same"
                    + " command again: it continues from there");
        }
        String digest = sha256(partial);
        if (sha256.isPresent() && !sha256.get().equalsIgnoreCase(digest)) {
            long size = sizeOf(partial);
            deleteQuietly(partial);
            throw new ImageException("the file downloaded from " + uri + " does not have the expected SHA-256"
                    + "\n  expected: " + sha256.get().toLowerCase(java.util.Locale.ROOT)
                    + "\n  got:      " + digest + " (" + size + " bytes)"
                    + "\n  the download was deleted and nothing was imported."
                    + "\n  fix: compare the expected checksum (the profile's imageSha256, or --sha256) with the publisher's;"
                    + " if it is right, the server sent another or a damaged file: run the command again to download it afresh");
        }
        try {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ImageException("cannot rename " + partial + " to " + target + ": " + e.getMessage()
                    + "\n  fix: check the image cache folder's permissions", e);
        }
        progress.on(new ProgressEvent(stage, "", DownloadProgress.STEP, Status.CHANGED, Duration.ofNanos(nanos.getAsLong() - t0),
                DownloadProgress.size(sizeOf(target)) + " → " + target + (sha256.isPresent() ? ", SHA-256 matches"
                        : ", SHA-256 " + digest + " (no checksum was given to compare with)")));
        return digest;
    }

    /** True when the file is complete; false when the body ended early without an error. */
    private boolean oneAttempt(URI uri, Path partial, String stage, ProgressListener progress)
            throws IOException, InterruptedException {
        long have = sizeOf(partial);
        HttpRequest.Builder req = HttpRequest.newBuilder(uri).GET();
        if (have > 0) {
            req.header("Range", "bytes=" + have + "-");
        }
        HttpResponse<InputStream> resp = client.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = resp.body()) {
            int code = resp.statusCode();
            OptionalLong length = resp.headers().firstValueAsLong("Content-Length");
            OptionalLong total;
            boolean append;
            if (code == 206) {
                Matcher m = CONTENT_RANGE.matcher(resp.headers().firstValue("Content-Range").orElse(""));
                if (!m.find() || m.group(1) == null || Long.parseLong(m.group(1)) != have) {
                    // a range we did not ask for: start over rather than splice the wrong bytes in
                    deleteQuietly(partial);
                    throw new RetryableStatus("the server answered a different range than bytes=" + have + "-; starting over");
                }
                total = "*".equals(m.group(2)) ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(m.group(2)));
                append = true;
            } else if (code == 200) {
                // no Range asked, or the server ignores it: the whole file again
                total = length;
                append = false;
                have = 0;
            } else if (code == 416 && have > 0) {
                Matcher m = CONTENT_RANGE.matcher(resp.headers().firstValue("Content-Range").orElse(""));
                if (m.find() && !"*".equals(m.group(2)) && Long.parseLong(m.group(2)) == have) {
                    return true; // the partial file already holds all of it
                }
                deleteQuietly(partial);
                throw new RetryableStatus("the server refused to resume at byte " + have + " (HTTP 416); starting over");
            } else if (code >= 500 || code == 408 || code == 429) {
                throw new RetryableStatus("HTTP " + code + " from " + uri);
            } else {
                throw new ImageException("HTTP " + code + " from " + uri
                        + "\n  fix: check the URL (the profile's imageUrl, or the one given); a box that was removed from"
                        + " Vagrant Cloud can be given as a local .box/.ova file instead");
            }
            copy(body, partial, append, have, total, stage, progress);
            long now = sizeOf(partial);
            return total.isEmpty() || now >= total.getAsLong();
        }
    }

    private void copy(InputStream body, Path partial, boolean append, long have, OptionalLong total, String stage,
                      ProgressListener progress) throws IOException, InterruptedException {
        StandardOpenOption mode = append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
        long start = nanos.getAsLong();
        long last = start;
        long got = 0;
        byte[] buf = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode)) {
            int n;
            while ((n = body.read(buf)) >= 0) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("download cancelled; " + partial + " is kept and a later run continues it");
                }
                out.write(buf, 0, n);
                got += n;
                long now = nanos.getAsLong();
                if (now - last >= every.toNanos()) {
                    last = now;
                    progress.on(event(stage, have + got, total, got, now - start));
                }
            }
        } finally {
            if (got > 0) {
                progress.on(event(stage, have + got, total, got, nanos.getAsLong() - start));
            }
        }
    }

    private static ProgressEvent event(String stage, long bytes, OptionalLong total, long thisConnection, long elapsedNanos) {
        double rate = elapsedNanos <= 0 ? 0 : thisConnection * 1e9 / elapsedNanos;
        return ProgressEvent.of(stage, "", DownloadProgress.STEP, Status.PROGRESS,
                new DownloadProgress(bytes, total, rate).message());
    }

    /** The SHA-256 of a file, hex. */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[256 * 1024];
            int n;
            while ((n = in.read(buf)) >= 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new ImageException("cannot read " + file + " to check its SHA-256: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }

    private static long sizeOf(Path p) {
        try {
            return Files.isRegularFile(p) ? Files.size(p) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // the caller reports the failure that led here; a leftover partial is named in it
        }
    }

    /** A failure worth another attempt (5xx, a range mix-up): not an I/O error, but treated like one. */
    private static final class RetryableStatus extends RuntimeException {
        RetryableStatus(String message) {
            super(message);
        }
    }
}
