package dev.overlaylab.engine.kube;

import dev.overlaylab.engine.Step;
import dev.overlaylab.engine.StepContext;
import dev.overlaylab.engine.StepFailure;
import dev.overlaylab.engine.StepResult;
import dev.overlaylab.exec.Commands;
import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.model.KubernetesSettings;
import dev.overlaylab.render.kube.KubeFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Arrays;
import dev.overlaylab.provider.local.KubernetesCache;

/**
 * Puts the Kubernetes binaries each node runs into {@value KubeFiles#BIN_DIR}: copied from this
 * machine's cache on local labs (the nodes are on this machine), downloaded on the node from
 * {@code kubernetes.binaries.url} with sha256 checks elsewhere (VirtualBox and existing hosts). A
 * binary whose mark still matches is left alone; a replaced one owes its unit a restart.
 */
public final class KubeBinariesStep implements Step {
    static final Duration DOWNLOAD_LIMIT = Duration.ofMinutes(15);

    @Override
    public String name() {
        return "kubernetes binaries";
    }

    private static boolean fromCache(StepContext ctx) {
        return "local".equals(ctx.lab().provider());
    }

    @Override
    public List<String> plan(StepContext ctx) {
        KubernetesSettings k = ctx.lab().kubernetes().orElseThrow();
        List<String> bins = KubeBinaries.needed(ctx.lab(), ctx.node());
        if (fromCache(ctx)) {
            return List.of("copy " + String.join(", ", bins) + " from " + KubeBinaries.cacheDir(KubeBinaries.cacheRoot(), k.version())
                    + " to " + KubeFiles.BIN_DIR + " unless the node's copies match SHA256SUMS");
        }
        return List.of("download " + String.join(", ", bins) + " from " + k.binaries().url() + " on the node, each checked against "
                + "SHA256SUMS" + k.binaries().sha256().map(p -> " (itself pinned to sha256 " + p.substring(0, 12) + ")").orElse(" (not pinned)"));
    }

    @Override
    public StepResult apply(StepContext ctx) {
        KubernetesSettings k = ctx.lab().kubernetes().orElseThrow();
        List<String> bins = KubeBinaries.needed(ctx.lab(), ctx.node());
        List<String> replaced = fromCache(ctx) ? push(ctx, k, bins) : download(ctx, k, bins);
        for (String b : replaced) {
            if (!b.equals("kubectl")) {
                ctx.nodeRun().oweRestart(b);
            }
        }
        return replaced.isEmpty() ? StepResult.unchanged(String.join(", ", bins) + " match " + k.version() + "'s SHA256SUMS")
                : StepResult.changed((fromCache(ctx) ? "linked or copied " : "downloaded ") + String.join(", ", replaced));
    }

    private static List<String> push(StepContext ctx, KubernetesSettings k, List<String> bins) {
        Path root = KubeBinaries.cacheRoot();
        KubeBinaries.missingCache(root, k).ifPresent(m -> {
            throw new StepFailure(m, "", "", "sudo ./olab setup kubernetes");
        });
        Path sumsFile = KubeBinaries.cacheDir(root, k.version()).resolve("SHA256SUMS");
        Map<String, String> sums;
        byte[] sumsBytes;
        try {
            sumsBytes = Files.readAllBytes(sumsFile);
            sums = KubeBinaries.parseSums(new String(sumsBytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new StepFailure("cannot read " + sumsFile, "", e.toString(), "build the binaries again: sudo ./olab setup kubernetes");
        }
        // Nodes booted for this lab see the cache read-only (LocalProvider binds it): link, do not copy 377 MB.
        Optional<byte[]> inNode = ctx.shell().read(KubernetesCache.IN_NODE + "/SHA256SUMS");
        if (inNode.isPresent() && Arrays.equals(inNode.get(), sumsBytes)) {
            return link(ctx, bins);
        }
        List<String> stale = stale(ctx, bins, sums);
        List<String> done = new ArrayList<>();
        for (String b : stale) {
            Path file = KubeBinaries.cacheDir(root, k.version()).resolve(b);
            String want = sums.get(b);
            if (want == null || !Files.isRegularFile(file)) {
                throw new StepFailure(b + " is missing from " + file.getParent() + " or its SHA256SUMS", "", "",
                        "build the binaries again: sudo ./olab setup kubernetes");
            }
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new StepFailure("cannot read " + file, "", e.toString(), "check the cache's permissions");
            }
            ctx.progress("copying " + b + " (" + bytes.length / 1024 / 1024 + " MB)");
            String to = KubeFiles.BIN_DIR + "/" + b;
            ctx.shell().write(to, bytes, 0755, "root");
            String stat = ctx.probe("stat -c '%s %Y' " + Commands.quote(to)).stdout().strip();
            ctx.shell().write(KubeBinaries.markPath(b), (want + " " + stat + "\n").getBytes(StandardCharsets.UTF_8), 0644, "root");
            done.add(b);
        }
        return done;
    }

    /** Symbolic links from {@value KubeFiles#BIN_DIR} into the node's read-only view of the cache; the ones made now. */
    private static List<String> link(StepContext ctx, List<String> bins) {
        StringBuilder cmd = new StringBuilder("set -e; mkdir -p " + KubeFiles.BIN_DIR + "; ");
        for (String b : bins) {
            String src = KubernetesCache.IN_NODE + "/" + b;
            String to = KubeFiles.BIN_DIR + "/" + b;
            cmd.append("[ \"$(readlink ").append(to).append(")\" = ").append(src).append(" ] || { ln -sfn ").append(src).append(' ')
                    .append(to).append("; echo linked ").append(b).append("; }; ");
        }
        ExecResult r = ctx.run(cmd.toString(), "cannot link the Kubernetes binaries into " + KubeFiles.BIN_DIR,
                "check " + KubernetesCache.IN_NODE + " inside the node (the local provider binds the cache there)");
        List<String> out = new ArrayList<>();
        r.stdout().lines().filter(l -> l.startsWith("linked ")).forEach(l -> out.add(l.substring(7).strip()));
        return out;
    }

    /** The binaries whose mark does not say the wanted sha256 at their present size and mtime (one probe for all). */
    private static List<String> stale(StepContext ctx, List<String> bins, Map<String, String> sums) {
        StringBuilder cmd = new StringBuilder();
        for (String b : bins) {
            String t = Commands.quote(KubeFiles.BIN_DIR + "/" + b);
            cmd.append("echo \"").append(b).append(" $(cat ").append(Commands.quote(KubeBinaries.markPath(b)))
                    .append(" 2>/dev/null | head -c 64) $(stat -c '%s %Y' ").append(t).append(" 2>/dev/null)\"")
                    .append(" \"$(cut -d' ' -f2- ").append(Commands.quote(KubeBinaries.markPath(b))).append(" 2>/dev/null)\"; ");
        }
        ExecResult r = ctx.probe(cmd.toString());
        List<String> stale = new ArrayList<>(bins);
        for (String line : r.stdout().split("\\R")) {
            // "<bin> <mark sha> <size> <mtime> <mark size> <mark mtime>"
            String[] p = line.strip().split("\\s+");
            if (p.length == 6 && p[1].equals(sums.get(p[0])) && p[2].equals(p[4]) && p[3].equals(p[5])) {
                stale.remove(p[0]);
            }
        }
        return stale;
    }

    private static List<String> download(StepContext ctx, KubernetesSettings k, List<String> bins) {
        String script = KubeBinaries.downloadScript(k.binaries().url(), k.binaries().sha256(), bins, KubeFiles.BIN_DIR,
                KubeBinaries.MARK_DIR);
        ctx.progress("checking " + String.join(", ", bins) + " against " + k.binaries().url() + "/SHA256SUMS");
        ExecResult r = ctx.run("sh -c " + Commands.quote(script), DOWNLOAD_LIMIT, "downloading the Kubernetes binaries failed",
                "check that the node reaches " + k.binaries().url() + " and that kubernetes.binaries.sha256 (if set) is that"
                        + " SHA256SUMS' sha256; offline nodes: put the binaries on them by hand into " + KubeFiles.BIN_DIR);
        List<String> out = new ArrayList<>();
        for (String line : r.stdout().split("\\R")) {
            if (line.startsWith("fetched ")) {
                out.add(line.substring("fetched ".length()).strip());
            }
        }
        return out;
    }
}
