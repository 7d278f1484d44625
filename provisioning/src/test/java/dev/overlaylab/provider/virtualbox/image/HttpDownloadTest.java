package dev.overlaylab.provider.virtualbox.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.overlaylab.progress.ProgressEvent;
import dev.overlaylab.progress.ProgressEvent.Status;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads from a loopback HTTP server: resume with Range, servers that ignore it, checksums. */
class HttpDownloadTest {
    @TempDir
    Path tmp;

    private final List<ProgressEvent> events = new CopyOnWriteArrayList<>();
    private final byte[] body = randomBytes(300_000);
    private final String sha = sha(body);

    /** Progress on every buffer (interval zero), no sleeping between attempts. */
    private HttpDownload download(int attempts) {
        return new HttpDownload(HttpClient.newHttpClient(), attempts, Duration.ofSeconds(1), d -> { }, Duration.ZERO, System::nanoTime);
    }

    @Test
    void fullDownloadLandsUnderTheFinalNameWithProgressAndItsDigest() throws Exception {
        try (LoopbackFileServer server = new LoopbackFileServer("x.box", body)) {
            Path target = tmp.resolve("cache/x/image.box");
            String digest = download(3).fetch(server.uri(), target, Optional.of(sha), "image", events::add);

            assertThat(digest).isEqualTo(sha);
            assertThat(Files.readAllBytes(target)).isEqualTo(body);
            assertThat(HttpDownload.partialOf(target)).doesNotExist();
            assertThat(server.ranges).containsExactly("");
            List<DownloadProgress> progress = progress();
            assertThat(progress).isNotEmpty();
            assertThat(progress.get(progress.size() - 1).percent()).hasValue(100);
            // sizes travel rounded to 0.1 KB/MB in the message
            assertThat(progress.get(progress.size() - 1).total().getAsLong()).isCloseTo(body.length, org.assertj.core.api.Assertions.within(100L));
            assertThat(events.get(events.size() - 1).status()).isEqualTo(Status.CHANGED);
            assertThat(events.get(events.size() - 1).message()).contains("SHA-256 matches");
        }
    }

    @Test
    void aConnectionCutMidBodyIsResumedWithARangeRequestFromWhatArrived() throws Exception {
        try (LoopbackFileServer server = new LoopbackFileServer("x.box", body).cutNext(1)) {
            Path target = tmp.resolve("image.box");
            download(3).fetch(server.uri(), target, Optional.of(sha), "image", events::add);

            assertThat(Files.readAllBytes(target)).isEqualTo(body);
            assertThat(server.ranges).hasSize(2);
            assertThat(server.ranges.get(0)).isEmpty();
            // the first response stopped after (at most) half the body; the second asks for the rest of what arrived
            assertThat(server.lastResumeOffset()).isPositive().isLessThanOrEqualTo(body.length / 2);
            assertThat(events).anySatisfy(e -> assertThat(e.message()).startsWith("connection lost after").contains("attempt 2/3"));
        }
    }

    @Test
    void aLaterRunContinuesThePartialFileTheLastOneLeft() throws Exception {
        try (LoopbackFileServer server = new LoopbackFileServer("x.box", body).cutNext(2)) {
            Path target = tmp.resolve("image.box");
            assertThatThrownBy(() -> download(2).fetch(server.uri(), target, Optional.of(sha), "image", events::add))
                    .isInstanceOf(ImageException.class)
                    .hasMessageContaining("in 2 attempts")
                    .hasMessageContaining("kept in " + HttpDownload.partialOf(target))
                    .hasMessageContaining("run the same command again");
            long kept = Files.size(HttpDownload.partialOf(target));
            assertThat(server.ranges).hasSize(2);
            assertThat(kept).isPositive().isLessThan(body.length);
            assertThat(target).doesNotExist();

            download(2).fetch(server.uri(), target, Optional.of(sha), "image", events::add);
            assertThat(server.lastResumeOffset()).isEqualTo(kept);
            assertThat(Files.readAllBytes(target)).isEqualTo(body);
        }
    }

    @Test
    void aServerThatIgnoresRangeIsDownloadedAgainFromTheStartNotSplicedIn() throws Exception {
        try (LoopbackFileServer server = new LoopbackFileServer("x.box", body).cutNext(1).ignoreRange()) {
            Path target = tmp.resolve("image.box");
            download(3).fetch(server.uri(), target, Optional.of(sha), "image", events::add);
            assertThat(server.ranges.get(1)).startsWith("bytes=");
            assertThat(Files.readAllBytes(target)).isEqualTo(body);
        }
    }

    @Test
    void aWrongChecksumDeletesTheDownloadAndNamesBothDigests() throws Exception {
        String wrong = "0".repeat(64);
        try (LoopbackFileServer server = new LoopbackFileServer("x.box", body)) {
            Path target = tmp.resolve("image.box");
            assertThatThrownBy(() -> download(3).fetch(server.uri(), target, Optional.of(wrong), "image", events::add))
                    .isInstanceOf(ImageException.class)
                    .hasMessageContaining("does not have the expected SHA-256")
                    .hasMessageContaining("expected: " + wrong)
                    .hasMessageContaining("got:      " + sha)
                    .hasMessageContaining("fix:");
            assertThat(target).doesNotExist();
            assertThat(HttpDownload.partialOf(target)).doesNotExist();
        }
    }

    @Test
    void notFoundIsNotRetriedAndSaysWhichUrl() throws Exception {
        try (LoopbackFileServer server = new LoopbackFileServer("x.box", body)) {
            var missing = server.uri().resolve("/nope.box");
            assertThatThrownBy(() -> download(3).fetch(missing, tmp.resolve("image.box"), Optional.empty(), "image", events::add))
                    .isInstanceOf(ImageException.class)
                    .hasMessageStartingWith("HTTP 404 from " + missing);
            assertThat(server.ranges).hasSize(1);
        }
    }

    @Test
    void progressMessagesReadBackAsTheirNumbers() {
        DownloadProgress p = new DownloadProgress(31_457_280, OptionalLong.of(78_643_200), 2.5 * 1024 * 1024);
        assertThat(p.message()).isEqualTo("40% 30.0 MB of 75.0 MB at 2.5 MB/s");
        DownloadProgress back = DownloadProgress.parse(p.message()).orElseThrow();
        assertThat(back.percent()).hasValue(40);
        assertThat(back.total()).hasValue(78_643_200);
        assertThat(DownloadProgress.parse("512 B at 100 B/s").orElseThrow().total()).isEmpty();
        assertThat(DownloadProgress.parse("connection lost after 1.0 MB")).isEmpty();
    }

    private List<DownloadProgress> progress() {
        return events.stream().filter(e -> e.status() == Status.PROGRESS)
                .map(e -> DownloadProgress.parse(e.message())).flatMap(Optional::stream).toList();
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new Random(42).nextBytes(b);
        return b;
    }

    private static String sha(byte[] b) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
