package dev.overlaylab.provider.virtualbox.image;

import dev.overlaylab.provider.virtualbox.BoxSource;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The app's image cache: {@code <root>/<box name, safe>/} holds the downloaded {@code image.box} or
 * {@code image.ova} (while downloading: {@code .partial}) and {@code image.properties}, written once
 * the image is imported, which is what {@code olab image list} shows.
 */
final class ImageCache {
    private final Path root;

    ImageCache(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    Path dirOf(String name) {
        String safe = BoxSource.safeName(name);
        if (safe.isEmpty() || safe.chars().allMatch(c -> c == '.')) {
            throw new IllegalArgumentException("'" + name + "' cannot name an image; use letters, digits, '/', '.', '_' or '-'");
        }
        return root.resolve(safe);
    }

    /** Where a download of this image is kept. */
    Path downloadOf(ImageRequest r) {
        return dirOf(r.name()).resolve(r.isOva() ? "image.ova" : "image.box");
    }

    void record(CachedImage image) {
        Properties p = new Properties();
        p.setProperty("name", image.name());
        p.setProperty("vm", image.vm());
        p.setProperty("source", image.source());
        p.setProperty("sha256", image.sha256());
        image.file().ifPresent(f -> p.setProperty("file", f.toString()));
        Path dir = dirOf(image.name());
        try {
            Files.createDirectories(dir);
            try (Writer w = Files.newBufferedWriter(dir.resolve("image.properties"))) {
                p.store(w, "olab image add: what was imported (see docs/virtualbox.md)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve("image.properties"), e);
        }
    }

    List<CachedImage> all() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<CachedImage> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path d : dirs.sorted(Comparator.naturalOrder()).toList()) {
                Path f = d.resolve("image.properties");
                if (!Files.isRegularFile(f)) {
                    continue;
                }
                Properties p = new Properties();
                try (Reader r = Files.newBufferedReader(f)) {
                    p.load(r);
                }
                out.add(new CachedImage(p.getProperty("name", d.getFileName().toString()), p.getProperty("vm", ""),
                        p.getProperty("source", ""), p.getProperty("sha256", ""),
                        Optional.ofNullable(p.getProperty("file")).map(Path::of)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the image cache " + root, e);
        }
        return out;
    }

    Optional<CachedImage> find(String name) {
        return all().stream().filter(i -> i.name().equals(name)).findFirst();
    }

    /** Deletes the image's folder (download, partial, record); true when there was one. */
    boolean delete(String name) {
        Path dir = dirOf(name);
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
        return true;
    }
}
