package dev.overlaylab.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code templates:} names a folder whose {@code .ftl} files replace built-in templates of the same
 * relative path. The renderer falls back to the built-in template for any name it asks for, so a file
 * whose name matches none (a typo, a missing {@code docker/}) would be ignored without a word: here it
 * is a problem naming the file and the nearest built-in names.
 */
final class TemplateFolderRules {
    /** Where the templates module puts its files on the classpath (the renderer loads them from there). */
    static final String CLASSPATH_ROOT = "templates";
    /** Built-in templates sit one folder deep (docker/10-flannel.conf.ftl); a little deeper catches a nested copy. */
    private static final int MAX_DEPTH = 4;
    /** A folder with more files than this is not a templates folder (templates: ~ by mistake): stop looking. */
    private static final int MAX_FILES = 2000;
    private static final int NEAREST = 3;

    private TemplateFolderRules() {
    }

    static void check(Lab lab, List<Problem> out) {
        if (lab.templates().isEmpty()) {
            return;
        }
        Path dir = lab.templates().get();
        if (!Files.exists(dir)) {
            out.add(Problem.at("templates", "the templates folder " + dir + " does not exist"
                    + lab.source().map(s -> " (a relative path is taken from the lab file's folder, " + s.getParent() + ")").orElse("")
                    + "; create it with copies of the built-in templates you want to change (templates/README.md lists them),"
                    + " or remove templates: to use the built-in ones"));
            return;
        }
        if (!Files.isDirectory(dir)) {
            out.add(Problem.at("templates", dir + " is a file, not a folder; templates: names a folder laid out like the"
                    + " built-in templates (e.g. docker/10-flannel.conf.ftl inside it)"));
            return;
        }
        List<String> names;
        try {
            names = ftlFiles(dir);
        } catch (IOException | UncheckedIOException e) {
            out.add(Problem.at("templates", "the templates folder " + dir + " cannot be read ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); make it readable by this user"));
            return;
        }
        List<String> builtIn = null;
        for (String name : names) {
            if (!isBuiltIn(name)) {
                if (builtIn == null) {
                    builtIn = builtInNames();
                }
                out.add(Problem.at("templates", "'" + name + "' in " + dir + " replaces no built-in template, so it would"
                        + " never be used; rename it to the template it should replace" + nearest(name, builtIn)));
            } else if (!Files.isReadable(dir.resolve(name))) {
                out.add(Problem.at("templates", "'" + name + "' in " + dir + " cannot be read by this user; make it readable"));
            }
        }
    }

    /** Every {@code .ftl} under {@code dir}, as a relative name with '/' (how the renderer asks for it). */
    private static List<String> ftlFiles(Path dir) throws IOException {
        if (!Files.isReadable(dir)) {
            throw new IOException("permission denied");
        }
        try (Stream<Path> files = Files.walk(dir, MAX_DEPTH)) {
            List<String> names = files.limit(MAX_FILES).filter(p -> p.getFileName().toString().endsWith(".ftl"))
                    .filter(Files::isRegularFile)
                    .map(p -> dir.relativize(p).toString().replace(java.io.File.separatorChar, '/')).sorted().toList();
            return names;
        }
    }

    private static boolean isBuiltIn(String name) {
        return TemplateFolderRules.class.getClassLoader().getResource(CLASSPATH_ROOT + "/" + name) != null;
    }

    /** {@code "; nearest built-in templates: a, b, c"}: the same file name in another folder first, then by edit distance. */
    private static String nearest(String name, List<String> builtIn) {
        if (builtIn.isEmpty()) {
            return "; the built-in names are listed in templates/README.md";
        }
        String file = name.substring(name.lastIndexOf('/') + 1);
        List<String> ranked = builtIn.stream()
                .sorted(Comparator.comparingInt((String b) -> b.substring(b.lastIndexOf('/') + 1).equals(file) ? 0 : 1)
                        .thenComparingInt(b -> Suggest.distance(name, b)).thenComparing(b -> b))
                .limit(NEAREST).toList();
        return "; nearest built-in templates: " + String.join(", ", ranked);
    }

    /**
     * The built-in template names, read from the classpath folder (a directory in a build, a jar when
     * installed). Only for suggestions: whether a name is built in is asked of the class loader directly,
     * so a class path this cannot list costs the hint, never a wrong verdict.
     */
    static List<String> builtInNames() {
        URL any = TemplateFolderRules.class.getClassLoader().getResource(CLASSPATH_ROOT + "/flannel/flanneld.service.ftl");
        if (any == null) {
            return List.of();
        }
        try {
            URI uri = any.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return list(Path.of(uri).getParent().getParent());
            }
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                return list(jar.getPath("/" + CLASSPATH_ROOT));
            } catch (FileSystemAlreadyExistsException e) {
                // someone else's open view of the jar: read through it and leave it open
                return list(FileSystems.getFileSystem(uri).getPath("/" + CLASSPATH_ROOT));
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return List.of();
        }
    }

    private static List<String> list(Path root) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root, MAX_DEPTH)) {
            files.filter(p -> p.getFileName() != null && p.getFileName().toString().endsWith(".ftl"))
                    .forEach(p -> out.add(root.relativize(p).toString().replace('\\', '/')));
        }
        out.sort(null);
        return out;
    }
}
