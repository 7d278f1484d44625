package dev.overlaylab.exec;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Runs commands as local processes with LANG=C, captured output and a hard timeout. */
public final class ProcessRunner implements ExecRunner {

    @Override
    public ExecResult run(List<String> argv, Map<String, String> extraEnv, Duration timeout) {
        return stream(argv, extraEnv, timeout, null);
    }

    @Override
    public ExecResult stream(List<String> argv, Map<String, String> extraEnv, Duration timeout, Consumer<String> stdoutLine) {
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.environment().put("LANG", "C");
        pb.environment().put("LC_ALL", "C");
        pb.environment().putAll(extraEnv);
        pb.redirectInput(ProcessBuilder.Redirect.PIPE);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return new ExecResult(argv, 127, "", "cannot start " + argv.get(0) + ": " + e.getMessage());
        }
        try {
            p.getOutputStream().close();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> stdoutLine == null
                    ? drain(p.getInputStream()) : lines(p.getInputStream(), stdoutLine));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
                return new ExecResult(argv, 124, out.getNow(""), "timed out after " + timeout.toSeconds() + " s");
            }
            return new ExecResult(argv, p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return new ExecResult(argv, 130, "", "interrupted");
        }
    }

    private static String drain(InputStream in) {
        try (in) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            in.transferTo(buf);
            return buf.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public int attached(List<String> argv, Map<String, String> extraEnv) {
        ProcessBuilder pb = new ProcessBuilder(argv).inheritIO();
        pb.environment().putAll(extraEnv);
        try {
            return pb.start().waitFor();
        } catch (IOException e) {
            System.err.println("cannot start " + argv.get(0) + ": " + e.getMessage());
            return 127;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    /** Hands over each line as it arrives and keeps them all (for the result). */
    private static String lines(InputStream in, Consumer<String> each) {
        StringBuilder all = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                all.append(line).append('\n');
                each.accept(line);
            }
        } catch (IOException e) {
            // the process went away: what arrived is all there is
        }
        return all.toString();
    }
}
