package dev.overlaylab.app.wizard;

import java.util.Locale;

/**
 * The flannel backends the wizard offers. DirectRouting is vxlan with one option set, shown as its
 * own choice because the seeds (001) treat it as a distinct way of running the overlay.
 */
public enum BackendChoice {
    VXLAN("vxlan", false, 8472),
    UDP("udp", false, 8285),
    HOST_GW("host-gw", false, 0),
    DIRECT_ROUTING("vxlan", true, 8472);

    private final String type;
    private final boolean directRouting;
    private final int defaultPort;

    BackendChoice(String type, boolean directRouting, int defaultPort) {
        this.type = type;
        this.directRouting = directRouting;
        this.defaultPort = defaultPort;
    }

    /** flannel's {@code Backend.Type}. */
    public String type() {
        return type;
    }

    public boolean directRouting() {
        return directRouting;
    }

    /** Encapsulation port, 0 for host-gw (no encapsulation). */
    public int defaultPort() {
        return defaultPort;
    }

    public boolean hasPort() {
        return defaultPort > 0;
    }

    /**
     * The MTU flannel gives the overlay with this backend over a 1500-byte link (what docker0
     * gets when docker's MTU comes from flannel): the link less the encapsulation, as the engine
     * computes it ({@code FlannelSettings.overlayMtu}).
     */
    public int flannelMtu() {
        int link = dev.overlaylab.model.FlannelSettings.DEFAULT_LINK_MTU;
        return switch (type) {
            case "udp" -> link - 28;
            case "vxlan" -> link - 50;
            default -> link;
        };
    }

    public boolean hasVni() {
        return "vxlan".equals(type);
    }

    /** host-gw routes via peers' host addresses, so nodes must share one L2 segment. */
    public boolean needsOneSubnet() {
        return this == HOST_GW;
    }

    public String key() {
        return "backend." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The choice a lab file's backend maps to. */
    public static BackendChoice of(String type, boolean directRouting) {
        for (BackendChoice c : values()) {
            if (c.type.equals(type) && c.directRouting == directRouting) {
                return c;
            }
        }
        return VXLAN;
    }
}
