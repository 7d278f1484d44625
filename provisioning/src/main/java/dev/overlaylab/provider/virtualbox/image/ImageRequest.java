package dev.overlaylab.provider.virtualbox.image;

import dev.overlaylab.model.Profile;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What {@code olab image add NAME|URL|FILE} was asked to get, resolved: the box name profiles use
 * for it ({@code bento/ubuntu-16.04}), where it comes from, and the SHA-256 to check when known.
 *
 * @param name   the box name a profile's {@code box} matches; the base VM is named after it
 * @param url    an http(s) location, or empty when {@code file} is set
 * @param file   a local .box/.ova file, or empty when {@code url} is set
 * @param sha256 the expected digest (hex, lower case), when known
 */
public record ImageRequest(String name, Optional<URI> url, Optional<Path> file, Optional<String> sha256) {

    /** Where it comes from, for people. */
    public String source() {
        return url.map(URI::toString).orElseGet(() -> file.map(Path::toString).orElse("?"));
    }

    /** An OVA is imported as it is; anything else is treated as a Vagrant box (a tar, maybe gzipped, with box.ovf). */
    public boolean isOva() {
        String last = url.map(u -> Optional.ofNullable(u.getPath()).orElse("")).orElseGet(() -> file.map(Path::toString).orElse(""));
        return last.toLowerCase(Locale.ROOT).endsWith(".ova");
    }

    /**
     * Resolves the argument: an http(s) URL, an existing file, else a profile name or a profile's box
     * name (whose {@code imageUrl}/{@code imageSha256} are used). {@code name} and {@code sha256}
     * given by the caller win over what a profile says.
     *
     * @throws IllegalArgumentException naming what was tried and what would work
     */
    public static ImageRequest resolve(String arg, Optional<String> name, Optional<String> sha256, List<Profile> profiles) {
        Optional<String> sha = sha256.map(s -> s.trim().toLowerCase(Locale.ROOT));
        if (sha.isPresent() && !sha.get().matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("--sha256 must be 64 hex digits (a SHA-256), not '" + sha256.get() + "'");
        }
        String lower = arg.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            URI uri = URI.create(arg);
            Optional<Profile> owner = profiles.stream()
                    .filter(p -> p.image().map(i -> i.url().equals(arg)).orElse(false)).findFirst();
            String n = name.or(() -> owner.map(Profile::box)).orElseGet(() -> stem(Path.of(uri.getPath()).getFileName()));
            return new ImageRequest(n, Optional.of(uri), Optional.empty(),
                    sha.or(() -> owner.flatMap(p -> p.image()).flatMap(Profile.ImageDownload::sha256)));
        }
        Path p = Path.of(arg);
        if (Files.isRegularFile(p)) {
            return new ImageRequest(name.orElseGet(() -> stem(p.getFileName())), Optional.empty(),
                    Optional.of(p.toAbsolutePath().normalize()), sha);
        }
        Optional<Profile> profile = profiles.stream().filter(x -> x.name().equals(arg)).findFirst()
                .or(() -> profiles.stream().filter(x -> x.box().equals(arg) && x.image().isPresent()).findFirst())
                .or(() -> profiles.stream().filter(x -> x.box().equals(arg)).findFirst());
        if (profile.isEmpty()) {
            throw new IllegalArgumentException("'" + arg + "' is not a URL, not a file, and no profile is named so or uses that box."
                    + "\n  profiles with a download: " + downloadable(profiles)
                    + "\n  fix: give a profile or box name from that list, an http(s) URL of a .box/.ova, or a local file");
        }
        Profile pr = profile.get();
        if (pr.image().isEmpty()) {
            throw new IllegalArgumentException("profile " + pr.name() + " (box " + pr.box() + ") names no imageUrl to download it from."
                    + "\n  fix: 'olab image add URL --name " + pr.box() + "' with the box's URL (or a local .box/.ova file),"
                    + " or add imageUrl (and imageSha256) to the profile");
        }
        Profile.ImageDownload d = pr.image().get();
        return new ImageRequest(name.orElse(pr.box()), Optional.of(URI.create(d.url())), Optional.empty(), sha.or(d::sha256));
    }

    private static String downloadable(List<Profile> profiles) {
        String s = profiles.stream().filter(p -> p.image().isPresent())
                .map(p -> p.name() + " (" + p.box() + ")").collect(Collectors.joining(", "));
        return s.isEmpty() ? "(none)" : s;
    }

    private static String stem(Path fileName) {
        String f = fileName == null ? "image" : fileName.toString();
        return f.replaceFirst("(?i)\\.(box|ova)$", "");
    }
}
