package dev.overlaylab.provider.local;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Every name the local provider gives to something on the host, derived from the lab name alone so
 * that {@code down} can find them again and two labs never collide.
 *
 * <p>Linux interface names are at most 15 characters, lab names can be longer, so links carry a
 * six-hex-digit hash of the lab name: bridge {@code olb-1a2b3c}, per node {@code olv1a2b3ch0}
 * (host-only NIC, host side) and {@code olv1a2b3cn0} (NAT-like NIC, host side). Machines are
 * {@code ol-<lab>-<node>}. Inside a node the NICs are always {@code host0} and {@code nat0}.
 */
public final class LocalNames {
    /** The host-only NIC inside every node (the {@code debian-12-nspawn} profile's host-only NIC). */
    public static final String HOST_ONLY_NIC = "host0";
    /** The NAT-like NIC inside every node (the profile's NAT NIC). */
    public static final String NAT_NIC = "nat0";
    /** Every node gets this NAT-like address, as VirtualBox gives every VM 10.0.2.15. */
    public static final String NAT_ADDRESS = "10.0.2.15/24";
    public static final String NAT_GATEWAY = "10.0.2.2";

    public static final String LINK_PREFIX_BRIDGE = "olb";
    public static final String LINK_PREFIX_VETH = "olv";
    public static final int MAX_NODES = 100;

    private final String lab;
    private final String hash6;
    private final Path labDir;

    public LocalNames(String labName, Path stateRoot) {
        this.lab = labName;
        this.hash6 = sha256Hex(labName).substring(0, 6);
        this.labDir = stateRoot.resolve(labName);
    }

    public String lab() {
        return lab;
    }

    public String bridge() {
        return LINK_PREFIX_BRIDGE + "-" + hash6;
    }

    public String machine(String node) {
        return "ol-" + lab + "-" + node;
    }

    /** Host side of node {@code index}'s host-only NIC (a port of {@link #bridge()}). */
    public String hostOnlyVeth(int index) {
        return LINK_PREFIX_VETH + hash6 + "h" + checkIndex(index);
    }

    /** Host side of node {@code index}'s NAT-like NIC: up, address-less, attached to nothing. */
    public String natVeth(int index) {
        return LINK_PREFIX_VETH + hash6 + "n" + checkIndex(index);
    }

    /** Everything this lab keeps on the host while it is up: state file, logs, overlay layers. */
    public Path labDir() {
        return labDir;
    }

    public Path stateFile() {
        return labDir.resolve("state");
    }

    public Path nodeDir(String node) {
        return labDir.resolve(node);
    }

    /** The overlay's merged view: what the node boots from. */
    public Path nodeRoot(String node) {
        return nodeDir(node).resolve("root");
    }

    public Path nspawnLog(String node) {
        return nodeDir(node).resolve("nspawn.log");
    }

    private static int checkIndex(int index) {
        if (index < 0 || index >= MAX_NODES) {
            throw new IllegalArgumentException("the local provider supports at most " + MAX_NODES + " nodes, got index " + index);
        }
        return index;
    }

    static String sha256Hex(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
