package dev.overlaylab.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Guest OS profiles: {@code vm-profiles/<name>.yaml} on the classpath (the vm-profiles module), and
 * optionally a user folder whose files of the same name win. The user folder is the system property
 * {@code olab.profiles.dir}, else the environment variable {@code OLAB_PROFILES_DIR}, else
 * {@code ~/.config/overlay-lab/vm-profiles} (used only when it exists).
 */
public final class Profiles {

    /** The profiles shipped in vm-profiles/ (a jar cannot be listed portably, so they are named here). */
    public static final List<String> BUILT_IN = List.of("ubuntu-16.04", "ubuntu-22.04", "debian-12", "debian-12-nspawn");

    private static final Set<String> FIELDS = Set.of("name", "description", "box", "user", "natNic", "hostOnlyNic",
            "memoryMb", "cpus", "networkTool", "packages", "dockerd", "dockerdArgs", "etcdVersion", "flannelVersion",
            "etcdUnit", "imageUrl", "imageSha256");
    private static final Set<String> NETWORK_TOOLS = Set.of("ifupdown", "netplan", "networkd");

    /** Parsed classpath profiles; they never change while the program runs. */
    private static final Map<String, Profile> BUILT_IN_CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    private Profiles() {
    }

    /** Every profile name available: the built-in ones and those in the user folder. */
    public static List<String> names() {
        Set<String> all = new TreeSet<>(BUILT_IN);
        userDir().ifPresent(dir -> {
            try (Stream<Path> files = Files.list(dir)) {
                files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".yaml"))
                        .forEach(f -> all.add(f.substring(0, f.length() - ".yaml".length())));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list the profiles folder " + dir, e);
            }
        });
        return List.copyOf(all);
    }

    /** The profile called {@code name}, or empty when there is none. A broken profile file throws. */
    public static Optional<Profile> find(String name) {
        if (name == null || !name.matches("[A-Za-z0-9._-]+")) {
            return Optional.empty();
        }
        Optional<Path> user = userDir().map(d -> d.resolve(name + ".yaml")).filter(Files::isRegularFile);
        if (user.isPresent()) {
            try {
                return Optional.of(parse(Files.readString(user.get()), user.get().toString()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read profile " + user.get(), e);
            }
        }
        Profile cached = BUILT_IN_CACHE.get(name);
        if (cached != null) {
            return Optional.of(cached);
        }
        String resource = "vm-profiles/" + name + ".yaml";
        try (InputStream in = Profiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            Profile p = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + resource);
            BUILT_IN_CACHE.put(name, p);
            return Optional.of(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read profile " + resource, e);
        }
    }

    /** The profile called {@code name}; throws naming the known profiles when there is none. */
    public static Profile get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown profile '" + name + "'; known profiles: " + String.join(", ", names())));
    }

    /** The profile a (validated) lab uses. */
    public static Profile of(Lab lab) {
        return get(lab.profile());
    }

    /**
     * Reads one profile file. Every field is required except {@code etcdUnit}, {@code imageUrl} and
     * {@code imageSha256} (which needs {@code imageUrl}); a broken file throws
     * {@link IllegalArgumentException} naming the file and every problem.
     */
    static Profile parse(String yaml, String origin) {
        Object doc;
        try {
            doc = new Load(LoadSettings.builder().setLabel(origin).build()).loadFromString(yaml);
        } catch (YamlEngineException e) {
            throw new IllegalArgumentException("profile " + origin + " is not valid YAML: " + e.getMessage(), e);
        }
        if (!(doc instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("profile " + origin + " must be a mapping of fields");
        }
        List<String> problems = new ArrayList<>();
        for (Object key : map.keySet()) {
            if (!FIELDS.contains(String.valueOf(key))) {
                problems.add(key + ": unknown field" + Suggest.didYouMean(String.valueOf(key), FIELDS));
            }
        }
        Fields f = new Fields(map, problems);
        Profile p = new Profile(
                f.text("name"), f.text("description"), f.text("box"), f.text("user"),
                f.text("natNic"), f.text("hostOnlyNic"), f.number("memoryMb"), f.number("cpus"),
                f.text("networkTool"), f.list("packages"), f.text("dockerd"), f.text("dockerdArgs"),
                f.text("etcdVersion"), f.text("flannelVersion"),
                Optional.ofNullable(map.get("etcdUnit")).map(String::valueOf), image(map, problems));
        if (!p.networkTool().isEmpty() && !NETWORK_TOOLS.contains(p.networkTool())) {
            problems.add("networkTool: '" + p.networkTool() + "' is not one of " + NETWORK_TOOLS);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("profile " + origin + " is broken: " + String.join("; ", problems));
        }
        return p;
    }

    private static Optional<Profile.ImageDownload> image(Map<?, ?> map, List<String> problems) {
        Optional<String> url = Optional.ofNullable(map.get("imageUrl")).map(String::valueOf);
        Optional<String> sha = Optional.ofNullable(map.get("imageSha256")).map(String::valueOf);
        if (url.isPresent() && !url.get().matches("https?://\\S+")) {
            problems.add("imageUrl: '" + url.get() + "' is not an http(s) URL");
        }
        if (sha.isPresent() && !sha.get().matches("[0-9a-fA-F]{64}")) {
            problems.add("imageSha256: must be 64 hex digits (a SHA-256)");
        }
        if (sha.isPresent() && url.isEmpty()) {
            problems.add("imageSha256: set without imageUrl");
        }
        return url.map(u -> new Profile.ImageDownload(u, sha.map(h -> h.toLowerCase(java.util.Locale.ROOT))));
    }

    private static Optional<Path> userDir() {
        String configured = System.getProperty("olab.profiles.dir", System.getenv("OLAB_PROFILES_DIR"));
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isDirectory);
        }
        String home = System.getProperty("user.home");
        return home == null ? Optional.empty()
                : Optional.of(Path.of(home, ".config", "overlay-lab", "vm-profiles")).filter(Files::isDirectory);
    }

    /** Typed reads from a loaded profile map, collecting problems instead of failing on the first. */
    private record Fields(Map<?, ?> map, List<String> problems) {
        String text(String key) {
            Object v = map.get(key);
            if (v == null) {
                problems.add(key + ": missing");
                return "";
            }
            return String.valueOf(v);
        }

        int number(String key) {
            Object v = map.get(key);
            if (v instanceof Integer i) {
                return i;
            }
            problems.add(key + ": must be a whole number");
            return 0;
        }

        List<String> list(String key) {
            Object v = map.get(key);
            if (v instanceof List<?> l) {
                return l.stream().map(String::valueOf).toList();
            }
            problems.add(key + ": must be a list");
            return List.of();
        }
    }
}
