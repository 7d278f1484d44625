package dev.overlaylab.cli;

import dev.overlaylab.model.Lab;
import dev.overlaylab.model.LabFileException;
import dev.overlaylab.model.LabLoader;
import dev.overlaylab.model.Plural;
import dev.overlaylab.model.Profile;
import dev.overlaylab.model.Profiles;
import dev.overlaylab.render.RenderException;
import dev.overlaylab.render.RenderedLab;
import dev.overlaylab.render.RenderedLabWriter;
import dev.overlaylab.render.Renderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code olab render LAB -o DIR}: every node's files at their absolute paths under DIR/<node>/ and
 * the etcd value as DIR/etcd/network-config.json. Everything is rendered in memory first, so a bad
 * lab file or a broken template writes nothing.
 */
@Command(name = "render", mixinStandardHelpOptions = true, description = "Render every node's files into a folder, touching no node.")
final class RenderCommand implements Callable<Integer> {
    private static final int SUMMARY_NODES = 12;

    @Parameters(paramLabel = "LAB", description = "the lab file (YAML)")
    Path lab;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
            description = "folder to write into: DIR/<node>/<absolute path> and DIR/etcd/network-config.json")
    Path output;

    @Option(names = "--templates", paramLabel = "DIR",
            description = "a folder of templates (etcd/, flannel/, docker/, network/, kube/) that replace built-in ones file by file;"
                    + " without it the lab file's templates: folder is used, with it that folder is not (this flag wins)")
    Path templates;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            return render(out, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int render(PrintWriter out, PrintWriter err) {
        // Parsing the templates is most of a cold render: do it on the other core while the lab loads.
        CompletableFuture<Renderer> prepared = CompletableFuture.supplyAsync(this::prepareRenderer);
        Lab loaded;
        try {
            loaded = LabLoader.load(lab);
        } catch (LabFileException e) {
            List<String> lines = LabInput.problemLines(lab, e);
            lines.subList(0, lines.size() - 1).forEach(err::println);
            err.println(lines.get(lines.size() - 1) + "; nothing rendered");
            return Olab.EXIT_BAD_INPUT;
        }
        Profile profile;
        try {
            profile = Profiles.of(loaded);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println("profile: " + e.getMessage() + "; nothing rendered");
            return Olab.EXIT_BAD_INPUT;
        }
        if (Files.exists(output) && !Files.isDirectory(output)) {
            err.println(output + " exists and is not a folder; choose another -o DIR; nothing rendered");
            return Olab.EXIT_BAD_INPUT;
        }
        RenderedLab rendered;
        // --templates wins over the lab's templates: (prepared with the built-in ones while the lab loaded, so unused)
        boolean labFolder = templates == null && loaded.templates().isPresent();
        try {
            rendered = (labFolder ? Renderer.forLab(loaded) : renderer(prepared)).render(loaded, profile);
        } catch (IOException | RenderException e) {
            err.println(e.getMessage() + "; nothing rendered");
            // a user template is input; a built-in template that fails is our bug
            return templates == null && !labFolder ? Olab.EXIT_FAILED : Olab.EXIT_BAD_INPUT;
        }
        Map<String, Integer> counts;
        try {
            counts = RenderedLabWriter.write(rendered, output);
        } catch (IOException e) {
            // the JDK's message is often only the path ("/proc/x"): say what it was and what to do
            err.println("cannot write into " + output + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")"
                    + "\n  fix: choose a folder you can write to with -o DIR (it is made if missing)");
            return Olab.EXIT_FAILED;
        }
        summarize(out, loaded, counts);
        return Olab.EXIT_OK;
    }

    private Renderer prepareRenderer() {
        try {
            return (templates == null ? Renderer.builtIn() : Renderer.withUserTemplates(templates)).warmUp();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Renderer renderer(CompletableFuture<Renderer> prepared) throws IOException {
        try {
            return prepared.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw e;
        }
    }

    /** One line per node for small labs; for big ones, one line per file count (200 lines help nobody). */
    private void summarize(PrintWriter out, Lab loaded, Map<String, Integer> counts) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        out.println("rendered lab " + loaded.name() + ": " + Plural.count(counts.size(), "node") + ", " + Plural.count(total, "file") + " into " + output);
        if (counts.size() <= SUMMARY_NODES) {
            int width = counts.keySet().stream().mapToInt(String::length).max().orElse(0);
            counts.forEach((node, n) -> out.printf("  %-" + width + "s  %d files%n", node, n));
        } else {
            Map<Integer, List<String>> byCount = new TreeMap<>(Comparator.reverseOrder());
            counts.forEach((node, n) -> byCount.computeIfAbsent(n, k -> new ArrayList<>()).add(node));
            byCount.forEach((n, nodes) -> out.printf("  %d files: %d %s (%s)%n", n, nodes.size(), nodes.size() == 1 ? "node" : "nodes",
                    nodes.size() <= 3 ? String.join(", ", nodes) : nodes.get(0) + " ... " + nodes.get(nodes.size() - 1)));
        }
        out.println("  etcd value (" + loaded.etcd().configKey() + "): " + RenderedLabWriter.NETWORK_CONFIG_FILE);
    }
}
