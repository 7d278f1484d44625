package dev.overlaylab.app.engine;

import java.util.Optional;

/**
 * A base image the wizard's lab needs and this machine lacks.
 *
 * @param profile the guest profile
 * @param box     the profile's box name, e.g. {@code bento/ubuntu-16.04}
 * @param url     where the profile says to download it from; empty: it names no download
 */
public record BaseImageNeed(String profile, String box, Optional<String> url) {
}
