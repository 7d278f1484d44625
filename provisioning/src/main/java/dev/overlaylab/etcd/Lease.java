package dev.overlaylab.etcd;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One flannel subnet lease as stored in etcd, e.g. key {@code /coreos.com/network/subnets/10.1.35.0-24}
 * with value {@code {"PublicIP":"192.168.56.101","BackendType":"vxlan","BackendData":{"VtepMAC":"..."}}}.
 * The one lease type: the engine, verify and diagnose all read this.
 *
 * @param subnet      the node's subnet, {@code 10.1.35.0/24}
 * @param publicIp    the address other nodes send encapsulated traffic to (must be the host-only one)
 * @param backendType udp, vxlan, host-gw...
 * @param backendData backend details as text (e.g. {@code VtepMAC}); empty for udp/host-gw
 */
public record Lease(String subnet, String publicIp, String backendType, Map<String, String> backendData) {

    public Lease {
        backendData = Map.copyOf(backendData);
    }

    /** A lease without backend data (udp, host-gw, or where it does not matter). */
    public Lease(String subnet, String publicIp, String backendType) {
        this(subnet, publicIp, backendType, Map.of());
    }

    /** Parses flannel's JSON value of a lease key; throws {@link IllegalArgumentException} naming the key. */
    static Lease parse(EtcdKeys keys, String key, String json) {
        try {
            JsonNode value = Json.object(json);
            Map<String, String> data = new LinkedHashMap<>();
            JsonNode raw = value.get("BackendData");
            if (raw != null && raw.isObject()) {
                raw.fields().forEachRemaining(e -> data.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
            }
            return new Lease(keys.subnetOf(key), Json.text(value, "PublicIP"), Json.text(value, "BackendType"), data);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("lease " + key + " does not hold flannel's JSON: " + e.getMessage()
                    + "\n  value: " + json, e);
        }
    }
}
