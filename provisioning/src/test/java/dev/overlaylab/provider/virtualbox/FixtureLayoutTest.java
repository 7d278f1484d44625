package dev.overlaylab.provider.virtualbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hand-written 6.1/7.0/7.1 fixtures against the real 7.2 recording: every line the provider
 * reads (the keys {@code VmInfo}, {@code VBoxLists} and {@code GuestProperties} look at) must have
 * the shape it has in what the real VBoxManage 7.2.22 printed. Each shape is first checked to occur
 * in the recording, so a shape can not drift away from the real output unnoticed. Not checked,
 * because no real text of them can be recorded on Linux: {@code hostonly-networkN} (macOS only) and
 * the 6.1 guest property layout, which the manual documents as different before 7.0.
 */
class FixtureLayoutTest {
    /** key pattern → the whole line's shape, for {@code showvminfo --machinereadable}. */
    private static final Map<String, String> VMINFO = Map.of(
            "name", "name=\"[^\"]+\"",
            "UUID", "UUID=\"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\"",
            "CfgFile", "CfgFile=\"/[^\"]+\\.vbox\"",
            "memory", "memory=\\d+",
            "cpus", "cpus=\\d+",
            "VMState", "VMState=\"[a-z]+\"",
            "nic\\d", "nic\\d=\"(nat|hostonly|hostonlynetwork|bridged|intnet|natnetwork|generic|none|null)\"",
            "hostonlyadapter\\d", "hostonlyadapter\\d=\"[^\"]+\"",
            "Forwarding\\(\\d+\\)", "Forwarding\\(\\d+\\)=\"[^,\"]+,(tcp|udp),[0-9.]*,\\d+,[0-9.]*,\\d+\"",
            "(Current)?SnapshotName(-\\d+)*", "(Current)?SnapshotName(-\\d+)*=\"[^\"]+\"");
    private static final Map<String, String> HOSTINFO = Map.of(
            "Memory size", "Memory size: \\d+ MByte",
            "Memory available", "Memory available: \\d+ MByte",
            "Processor count", "Processor count: \\d+",
            "Operating system", "Operating system: \\S.*");
    /** {@code list hostonlyifs|bridgedifs}: the value starts in column 17 after the padded key. */
    private static final Map<String, String> IF_BLOCK = Map.of(
            "Name", "Name: {12}\\S.*",
            "DHCP", "DHCP: {12}(Enabled|Disabled)",
            "IPAddress", "IPAddress: {7}[0-9.]*",
            "NetworkMask", "NetworkMask: {5}[0-9.]*",
            "Status", "Status: {10}(Up|Down|Unknown)");
    private static final Map<String, String> GUESTPROPS = Map.of(
            "/", "/\\S+ +=  ?'.*' +@ \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z( [A-Z, ]+)?");
    private static final String REAL = "7.2.22";

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.V61, Fixtures.V70, Fixtures.V71})
    void showVmInfoFieldsLookAsInTheReal72(String version) {
        List<String> real = lines(REAL, "showvminfo-poweroff.txt", "showvminfo-two-snapshots.txt");
        List<String> files = new ArrayList<>(List.of("showvminfo-running.txt", "showvminfo-poweroff.txt"));
        if (!version.equals(Fixtures.V61)) {
            files.add("showvminfo-macos-hostonlynet.txt");
        }
        for (String file : files) {
            assertSameShapes(VMINFO, "=", real, lines(version, file), version + "/" + file);
            assertForwardingFollowsItsNic(lines(version, file), version + "/" + file);
        }
        assertForwardingFollowsItsNic(real, REAL);
    }

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.V61, Fixtures.V70, Fixtures.V71})
    void listOutputsLookAsInTheReal72(String version) {
        Pattern vmLine = Pattern.compile("\"[^\"]*\" \\{[0-9a-f-]{36}\\}");
        assertThat(lines(REAL, "list-vms.txt")).allMatch(l -> vmLine.matcher(l).matches());
        assertThat(lines(version, "list-vms.txt", "list-runningvms.txt")).isNotEmpty().allMatch(l -> vmLine.matcher(l).matches());

        assertSameShapes(HOSTINFO, ":", lines(REAL, "list-hostinfo.txt"), lines(version, "list-hostinfo.txt"), version + " hostinfo");
        assertSameShapes(IF_BLOCK, ":", lines(REAL, "list-hostonlyifs.txt", "list-bridgedifs.txt"),
                lines(version, "list-hostonlyifs.txt", "list-bridgedifs.txt"), version + " interfaces");
    }

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.V70, Fixtures.V71})
    void guestPropertiesLookAsInTheReal72(String version) {
        assertSameShapes(GUESTPROPS, "", lines(REAL, "guestproperty-enumerate.txt"),
                lines(version, "guestproperty-enumerate.txt"), version + " guestproperty");
    }

    /** Every line whose key matches must match the shape, in the recording (at least once) and in the file. */
    private static void assertSameShapes(Map<String, String> shapes, String sep, List<String> real, List<String> handWritten, String what) {
        shapes.forEach((key, shape) -> {
            Pattern k = Pattern.compile(sep.isEmpty() ? key + ".*" : key);
            Pattern s = Pattern.compile(shape);
            List<String> inReal = real.stream().filter(l -> k.matcher(keyOf(l, sep)).matches()).toList();
            assertThat(inReal).as("the real 7.2 recording has lines with key %s", key).isNotEmpty()
                    .allSatisfy(l -> assertThat(l).as("real 7.2 line").matches(s));
            handWritten.stream().filter(l -> k.matcher(keyOf(l, sep)).matches())
                    .forEach(l -> assertThat(l).as("%s: a line the provider reads has the real 7.2 shape", what).matches(s));
        });
    }

    /** VmInfo gives each Forwarding line to the NIC of the last {@code nicN=} line above it: it must be a NAT one. */
    private static void assertForwardingFollowsItsNic(List<String> lines, String what) {
        String lastNic = null;
        for (String l : lines) {
            if (l.matches("nic\\d=.*")) {
                lastNic = l;
            } else if (l.startsWith("Forwarding(")) {
                assertThat(lastNic).as("%s: the nicN line above %s", what, l).isNotNull().contains("\"nat\"");
            }
        }
    }

    private static String keyOf(String line, String sep) {
        if (sep.isEmpty()) {
            return line;
        }
        int i = line.indexOf(sep);
        return i < 0 ? "" : line.substring(0, i);
    }

    private static List<String> lines(String version, String... files) {
        List<String> out = new ArrayList<>();
        for (String f : files) {
            Fixtures.read(version, f).lines().filter(l -> !l.isBlank()).forEach(out::add);
        }
        return out;
    }
}
