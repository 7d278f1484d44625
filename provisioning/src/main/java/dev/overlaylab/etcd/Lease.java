package dev.overlaylab.etcd;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One flannel subnet lease as stored in etcd, e.g. key {@code /coreos.com/network/subnets/10.1.35.0-24}
 * with value {@code {"PublicIP":"192.168.56.101","BackendType":"vxlan","BackendData":{"VtepMAC":"..."}}}.
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

    /** Parses flannel's JSON value of a lease key; throws {@link IllegalArgumentException} naming the key. */
    static Lease parse(EtcdKeys keys, String key, String json) {
        try {
            Map<String, Object> value = Json.parseObject(json);
            Map<String, String> data = new LinkedHashMap<>();
            if (value.get("BackendData") instanceof Map<?, ?> raw) {
                raw.forEach((k, v) -> data.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
            }
            return new Lease(keys.subnetOf(key), text(value.get("PublicIP")), text(value.get("BackendType")), data);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("lease " + key + " does not hold flannel's JSON: " + e.getMessage()
                    + "\n  value: " + json, e);
        }
    }

    private static String text(Object o) {
        return o == null ? "" : String.valueOf(o);
    }
}
