package dev.overlaylab.provider.virtualbox.parse;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code guestproperty enumerate NAME}. Two layouts exist:
 * 6.1 prints {@code Name: /VirtualBox/GuestInfo/Net/0/V4/IP, value: 10.0.2.15, timestamp: 1700000000000000000, flags: };
 * 7.0 and later print {@code /VirtualBox/GuestInfo/Net/0/V4/IP = '10.0.2.15' @ 2024-06-03T09:12:44.512Z} (flags after the time).
 */
public record GuestProperties(Map<String, String> values) {

    private static final Pattern OLD = Pattern.compile("^Name: (.+?), value: (.*), timestamp: \\d+, flags: ?(.*)$");
    private static final Pattern NEW = Pattern.compile("^(/\\S+)\\s+=\\s+'(.*)'\\s+@\\s+\\S+.*$");

    public GuestProperties {
        values = Map.copyOf(values);
    }

    public static GuestProperties parse(String output) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String raw : output.split("\\R")) {
            String line = raw.strip();
            Matcher m = OLD.matcher(line);
            if (m.matches() || (m = NEW.matcher(line)).matches()) {
                out.put(m.group(1), m.group(2));
            }
        }
        return new GuestProperties(out);
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** The IPv4 address the guest additions report for NIC index {@code n} (0 = NIC1), if any. */
    public Optional<String> ipv4(int n) {
        return get("/VirtualBox/GuestInfo/Net/" + n + "/V4/IP").filter(ip -> !ip.equals("0.0.0.0"));
    }
}
