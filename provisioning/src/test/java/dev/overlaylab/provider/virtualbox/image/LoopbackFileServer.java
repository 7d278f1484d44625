package dev.overlaylab.provider.virtualbox.image;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP server on 127.0.0.1 (an ephemeral port) serving one file at {@code /<name>} with
 * {@code Range: bytes=N-} support, as Vagrant Cloud's storage does. It can cut the connection in
 * the middle of the body for the first {@code cuts} requests, ignore Range (answer 200 with the
 * whole file), and records the Range header of every request.
 */
final class LoopbackFileServer implements AutoCloseable {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    private final HttpServer server;
    private final String name;
    private volatile byte[] body;
    private final AtomicInteger cutsLeft = new AtomicInteger();
    private volatile boolean ignoreRange;
    /** The Range header of each request, "" when there was none. */
    final List<String> ranges = new CopyOnWriteArrayList<>();

    LoopbackFileServer(String name, byte[] body) throws IOException {
        this.name = name;
        this.body = body;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + name);
    }

    /** The next {@code n} responses stop after half of what they promised and drop the connection. */
    LoopbackFileServer cutNext(int n) {
        cutsLeft.set(n);
        return this;
    }

    LoopbackFileServer ignoreRange() {
        ignoreRange = true;
        return this;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String range = ex.getRequestHeaders().getFirst("Range");
            ranges.add(range == null ? "" : range);
            if (!ex.getRequestURI().getPath().equals("/" + name)) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            int from = 0;
            Matcher m = RANGE.matcher(range == null ? "" : range);
            if (m.matches() && !ignoreRange) {
                from = Integer.parseInt(m.group(1));
                if (from >= body.length) {
                    ex.getResponseHeaders().add("Content-Range", "bytes */" + body.length);
                    ex.sendResponseHeaders(416, -1);
                    return;
                }
                ex.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
                ex.sendResponseHeaders(206, body.length - from);
            } else {
                ex.sendResponseHeaders(200, body.length);
            }
            OutputStream out = ex.getResponseBody();
            int len = body.length - from;
            if (cutsLeft.getAndDecrement() > 0) {
                out.write(body, from, len / 2);
                out.flush();
                pauseSoTheHalfArrives();
                // closing the socket under the half-sent body is what a dropped connection looks like to the client
                throw new IOException("cut on purpose after " + len / 2 + " bytes");
            }
            out.write(body, from, len);
        }
    }

    /**
     * Closing right after the write may reset the connection before the client read what was sent;
     * how much arrives is then up to the kernel. The tests check the resume offset against what the
     * client really had, so this only makes "some of it arrived" the usual case.
     */
    private static void pauseSoTheHalfArrives() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The offset the last request asked to resume from (Range: bytes=N-), or -1 when it asked for the whole file. */
    long lastResumeOffset() {
        Matcher m = RANGE.matcher(ranges.isEmpty() ? "" : ranges.get(ranges.size() - 1));
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) executor()).shutdownNow();
    }

    private java.util.concurrent.Executor executor() {
        return server.getExecutor();
    }
}
