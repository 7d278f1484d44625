package dev.overlaylab.engine.steps;

import dev.overlaylab.exec.Commands;
import dev.overlaylab.model.FlannelSettings.BinarySource;
import dev.overlaylab.node.FileDigests;
import dev.overlaylab.node.NodeLayout;
import dev.overlaylab.engine.Step;
import dev.overlaylab.engine.StepContext;
import dev.overlaylab.engine.StepFailure;
import dev.overlaylab.engine.StepResult;
import dev.overlaylab.render.RenderedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts the flanneld binary where the unit file's ExecStart expects it: copied from a local file
 * (offline labs) or downloaded on the node from a release URL and checked against its sha256. The
 * node's copy is compared by sha256 first, so an unchanged binary is never sent again.
 */
public final class FlannelBinaryStep implements Step {
    public static final String DEFAULT_PATH = "/opt/bin/flanneld";
    private static final Pattern EXEC_START = Pattern.compile("(?m)^ExecStart=\\s*-?(/\\S+flanneld)\\b");
    static final Duration DOWNLOAD_LIMIT = Duration.ofMinutes(5);
    static final String SHA_MARK = NodeLayout.FLANNELD_DIGEST;

    @Override
    public String name() {
        return "flanneld binary";
    }

    /** Where flanneld goes on the node: the path in the rendered unit's ExecStart, else {@value #DEFAULT_PATH}. */
    static String target(StepContext ctx) {
        for (RenderedFile f : ctx.files("flannel")) {
            Matcher m = EXEC_START.matcher(f.content());
            if (m.find()) {
                return m.group(1);
            }
        }
        return DEFAULT_PATH;
    }

    @Override
    public List<String> plan(StepContext ctx) {
        BinarySource src = ctx.lab().flannel().binary();
        String to = target(ctx);
        if (src.file().isPresent()) {
            return List.of("copy " + localFile(ctx, src.file().get()) + " to " + to + " unless its sha256 already matches");
        }
        if (src.url().isPresent()) {
            return List.of("download " + src.url().get() + " to " + to + " on the node, check sha256 " + src.sha256().orElse("(none given)"));
        }
        return List.of("expect flanneld at " + to + " (no source given in the lab)");
    }

    @Override
    public StepResult apply(StepContext ctx) {
        BinarySource src = ctx.lab().flannel().binary();
        String to = target(ctx);
        if (src.file().isPresent()) {
            Path file = localFile(ctx, src.file().get());
            String want = localSha(file);
            if (remoteShaMatches(ctx, to, want)) {
                return StepResult.unchanged(to + " sha256 " + want.substring(0, 12));
            }
            byte[] bytes = readLocal(file);
            ctx.progress("copying " + (bytes.length / 1024 / 1024) + " MB to " + to);
            ctx.shell().write(to, bytes, 0755, "root");
            rememberSha(ctx, to, sha256(bytes));
            ctx.nodeRun().oweRestart("flanneld");
            return StepResult.changed("copied " + file.getFileName() + " to " + to);
        }
        Optional<String> have = remoteSha(ctx, to);
        if (src.url().isPresent()) {
            Optional<String> want = src.sha256().map(String::toLowerCase);
            if (want.isPresent() ? have.filter(want.get()::equalsIgnoreCase).isPresent() : versionMatches(ctx, to)) {
                return StepResult.unchanged(to + (want.isPresent() ? " sha256 " + want.get().substring(0, 12) : " is flanneld " + version(ctx)));
            }
            String tmp = to + ".olab-tmp";
            String url = src.url().get();
            String check = want.map(w -> " && echo " + Commands.quote(w + "  " + tmp) + " | sha256sum -c - >/dev/null").orElse("");
            String cmd = "mkdir -p " + Commands.quote(Path.of(to).getParent().toString()) + " && curl -fsSL --max-time "
                    + DOWNLOAD_LIMIT.toSeconds() + " -o " + Commands.quote(tmp) + " " + Commands.quote(url) + check
                    + " && chmod 0755 " + Commands.quote(tmp) + " && mv -f " + Commands.quote(tmp) + " " + Commands.quote(to);
            ctx.progress("downloading " + url);
            ctx.run(cmd, DOWNLOAD_LIMIT.plusSeconds(30), "downloading flanneld failed" + (want.isPresent() ? " or its sha256 did not match" : ""),
                    "check the node reaches " + url + (want.isPresent() ? " and that flannel.binary.sha256 is the release's" : "")
                            + "; offline: use flannel.binary.file");
            ctx.nodeRun().oweRestart("flanneld");
            return StepResult.changed("downloaded " + url + (want.isPresent() ? " (sha256 checked)" : " (not checked: no flannel.binary.sha256 in the lab)"));
        }
        if (have.isPresent()) {
            return StepResult.unchanged(to + " present");
        }
        throw new StepFailure("flanneld is not on the node and the lab names no source for it", "test -x " + to, "",
                "set flannel.binary.url (+ sha256) or flannel.binary.file in the lab");
    }

    private static String version(StepContext ctx) {
        return ctx.lab().flannel().version();
    }

    /** Without a checksum, the binary the node has is right when it reports the lab's flannel version. */
    private static boolean versionMatches(StepContext ctx, String path) {
        var r = ctx.probe(Commands.quote(path) + " --version 2>&1");
        String v = version(ctx);
        return r.ok() && (r.stdout().strip().equals(v) || r.stdout().strip().equals("v" + v));
    }

    /**
     * True when the node's binary has the wanted sha256. Hashing 76 MB on every node at every
     * {@code up} cost seconds per node, so the sha256 is remembered beside the binary's size and
     * mtime in {@value #SHA_MARK}; the binary is hashed again only when those moved.
     */
    private static boolean remoteShaMatches(StepContext ctx, String path, String want) {
        // one exec for both: the binary's size and mtime, then the digest line remembered for it
        String[] seen = ctx.probe("stat -c '%s %Y' " + Commands.quote(path) + " 2>/dev/null && cat " + SHA_MARK + " 2>/dev/null")
                .stdout().strip().split("\n", 2);
        String stat = seen[0].strip();
        if (stat.isEmpty()) {
            return false;
        }
        String[] size = stat.split(" ");
        if (size.length == 2 && seen.length == 2 && stat.matches("\\d+ \\d+")
                && seen[1].strip().equals(NodeLayout.flanneldDigestLine(want, Long.parseLong(size[0]), Long.parseLong(size[1]), path))) {
            return true;
        }
        Optional<String> have = remoteSha(ctx, path);
        if (have.filter(want::equals).isPresent()) {
            rememberSha(ctx, path, want);
            return true;
        }
        return false;
    }

    private static void rememberSha(StepContext ctx, String path, String sha) {
        String stat = ctx.probe("stat -c '%s %Y' " + Commands.quote(path)).stdout().strip();
        ctx.shell().write(SHA_MARK, (sha + " " + stat + " " + path + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8), 0644, "root");
    }

    private static Optional<String> remoteSha(StepContext ctx, String path) {
        var r = ctx.probe("sha256sum " + Commands.quote(path));
        if (!r.ok() || r.stdout().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(r.stdout().strip().split("\\s+")[0]);
    }

    static Path localFile(StepContext ctx, String file) {
        Path p = Path.of(file);
        if (!p.isAbsolute() && ctx.lab().source().isPresent() && ctx.lab().source().get().getParent() != null) {
            p = ctx.lab().source().get().getParent().resolve(p);
        }
        return p.normalize();
    }

    private static byte[] readLocal(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new StepFailure("cannot read the flanneld binary " + file, "", e.toString(),
                    "check flannel.binary.file in the lab (relative paths are resolved against the lab file's folder)");
        }
    }

    /** The local file's sha256, remembered across runs by its size and mtime (FileDigests): all nodes, one hash. */
    private static String localSha(Path file) {
        try {
            return FileDigests.forUser().sha256(file);
        } catch (java.io.UncheckedIOException e) {
            readLocal(file); // throws the step failure that names the file and the fix
            throw e;
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this Java runtime", e);
        }
    }
}
