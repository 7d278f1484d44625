package dev.overlaylab.provider.virtualbox.image;

import java.nio.file.Path;
import java.util.Optional;

/**
 * An image {@code olab image add} imported.
 *
 * @param name   the box name profiles use
 * @param vm     the base VM it was imported as
 * @param source the URL or file it came from
 * @param sha256 the digest of what was imported
 * @param file   the download kept in the cache (empty when imported from the person's own file)
 */
public record CachedImage(String name, String vm, String source, String sha256, Optional<Path> file) {
}
