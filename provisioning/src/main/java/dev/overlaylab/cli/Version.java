package dev.overlaylab.cli;

import picocli.CommandLine;

/** {@code olab --version}: the version from the jar manifest (or "dev" when run from classes). */
public final class Version implements CommandLine.IVersionProvider {
    public static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"olab " + current() + " (Overlay Lab)", "Java " + System.getProperty("java.version")};
    }
}
