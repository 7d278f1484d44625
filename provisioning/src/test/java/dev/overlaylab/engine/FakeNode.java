package dev.overlaylab.engine;

import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.engine.steps.FlannelBinaryStep;
import dev.overlaylab.net.SubnetEnv;
import dev.overlaylab.ssh.NodeShell;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-process node for unit tests of the engine: a map of files, a recorded list of commands, a
 * tiny systemd (units active/enabled), and the effects that matter to the pipeline — flanneld
 * writes subnet.env when it starts, docker takes its bridge from subnet.env when its drop-in is
 * there. Unknown commands exit 127 so a test notices a command the fake does not model.
 */
final class FakeNode implements NodeShell {
    static final String DOCKER_DEFAULT = "172.17.0.1/16";

    final String name;
    final Map<String, byte[]> files = new ConcurrentHashMap<>();
    final List<String> commands = new CopyOnWriteArrayList<>();
    final List<String> writes = new CopyOnWriteArrayList<>();
    final Map<String, Boolean> active = new ConcurrentHashMap<>();
    final Set<String> enabled = ConcurrentHashMap.newKeySet();
    final List<String> addresses = new CopyOnWriteArrayList<>();
    /** The NIC that holds {@link #addresses} (the fake lab's profile NIC unless a test moves them). */
    volatile String addressNic = "enp0s8";
    /** The node's NICs, for {@code ip -o link show dev X}. */
    final Set<String> nics = ConcurrentHashMap.newKeySet();
    final Map<String, ExecResult> failures = new LinkedHashMap<>();
    final Map<String, ExecResult> failOnce = new LinkedHashMap<>();
    volatile String journal;
    final String lease;
    final String dropInPath;
    volatile String hostname = "debian";
    volatile String docker0;
    volatile boolean vxlanLoaded;
    volatile boolean reachable = true;
    volatile boolean podImage;
    final Set<String> packages = ConcurrentHashMap.newKeySet();
    /**
     * Units whose files changed on disk since systemd loaded them ({@code NeedDaemonReload=yes} in {@code systemctl
     * show}; every other unit shows loaded and current); null while a test leaves {@code systemctl show} unmodelled.
     */
    volatile Set<String> staleUnits;
    /**
     * Units systemd held loaded since before their drop-in directory existed: systemd 252 then shows no
     * {@code DropInPaths} for them, with {@code NeedDaemonReload=no} (see Systemd.readsAll), until a reload.
     */
    volatile Set<String> dropInDirUnseen = Set.of();
    final List<String> installs = new CopyOnWriteArrayList<>();

    FakeNode(String name, String lease, String dropInPath) {
        this.name = name;
        this.lease = lease;
        this.dropInPath = dropInPath;
    }

    /** Makes every command starting with {@code prefix} fail with this exit code and stderr. */
    FakeNode failOn(String prefix, int exit, String stderr) {
        failures.put(prefix, new ExecResult(List.of("sh", "-c", prefix), exit, "", stderr));
        return this;
    }

    /** Makes the next command starting with {@code prefix} (only that one) fail with this exit code and stderr. */
    FakeNode failOnceOn(String prefix, int exit, String stderr) {
        failOnce.put(prefix, new ExecResult(List.of("sh", "-c", prefix), exit, "", stderr));
        return this;
    }

    FakeNode heal() {
        failures.clear();
        return this;
    }

    /** Commands that restarted or started a unit, e.g. {@code systemctl restart docker}. */
    List<String> restarts() {
        return commands.stream().filter(c -> c.startsWith("systemctl restart ") || c.startsWith("systemctl start ")).toList();
    }

    String file(String path) {
        byte[] b = files.get(path);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    void forget() {
        commands.clear();
        writes.clear();
    }

    @Override
    public String nodeName() {
        return name;
    }

    @Override
    public synchronized ExecResult exec(String c, Duration timeout) {
        if (!reachable) {
            throw new IllegalStateException("connection to " + name + " lost");
        }
        if (c.contains("; systemctl ") && (c.startsWith("systemctl reset-failed ") || c.startsWith("sleep ")) && !c.contains("e=$?")) {
            // Systemd.freshly and startAgain: recorded (and failed on) as the systemctl commands they are
            ExecResult last = ok("");
            for (String part : c.split("; ")) {
                if (!part.startsWith("sleep ")) {
                    last = exec(part.replace(" >/dev/null 2>&1", ""), timeout);
                }
            }
            return last;
        }
        if (c.contains("; e=$?; ")) {
            // Systemd.enabledAndActiveCodes
            commands.add(c);
            String unit = c.substring(c.lastIndexOf("--quiet ", c.indexOf(";")) + 8, c.indexOf(";"));
            return ok((enabled.contains(unit) ? 0 : 1) + " " + (Boolean.TRUE.equals(active.get(unit)) ? 0 : 3) + "\n");
        }
        commands.add(c);
        for (var f : failOnce.entrySet()) {
            if (c.startsWith(f.getKey())) {
                failOnce.remove(f.getKey());
                return new ExecResult(List.of("sh", "-c", c), f.getValue().exitCode(), "", f.getValue().stderr());
            }
        }
        for (var f : failures.entrySet()) {
            if (c.startsWith(f.getKey())) {
                return new ExecResult(List.of("sh", "-c", c), f.getValue().exitCode(), "", f.getValue().stderr());
            }
        }
        return run(c);
    }

    private ExecResult run(String c) {
        if (c.equals("true")) {
            return ok("");
        }
        if (c.equals("hostname")) {
            return ok(hostname + "\n");
        }
        if (c.startsWith("hostnamectl set-hostname ")) {
            hostname = c.split(" ")[2];
            return ok("");
        }
        if (c.equals("ip -4 -o addr show")) {
            StringBuilder sb = new StringBuilder("1: lo    inet 127.0.0.1/8 scope host lo\n");
            addresses.forEach(a -> sb.append("3: ").append(addressNic).append("    inet ").append(a)
                    .append(" brd + scope global ").append(addressNic).append("\n"));
            return ok(sb.toString());
        }
        if (c.startsWith("ip -o link show dev ")) {
            String nic = c.substring("ip -o link show dev ".length());
            return nics.contains(nic) || nic.equals(addressNic) ? ok("3: " + nic + ": <BROADCAST,UP> mtu 1500\n")
                    : fail(1, "Device \"" + nic + "\" does not exist.");
        }
        if (c.equals("ip -4 -o addr show dev docker0")) {
            return docker0 == null ? fail(1, "Device \"docker0\" does not exist.") : ok("5: docker0    inet " + docker0 + " scope global docker0\n");
        }
        if (c.startsWith("ifdown ")) {
            addresses.add(ipFromInterfacesFile());
            return ok("");
        }
        if (c.startsWith("stat -c '%s %Y' ")) {
            // size and a stand-in mtime that changes whenever the content does
            // "stat ... PATH 2>/dev/null && cat MARK 2>/dev/null": the digest line read in the same exec
            String[] parts = c.substring("stat -c '%s %Y' ".length()).split(" && cat ", 2);
            byte[] b = files.get(parts[0].replace(" 2>/dev/null", ""));
            if (b == null) {
                return fail(1, "");
            }
            String stat = b.length + " " + Integer.toUnsignedString(Arrays.hashCode(b)) + "\n";
            byte[] mark = parts.length == 2 ? files.get(parts[1].replace(" 2>/dev/null", "")) : null;
            return ok(mark == null ? stat : stat + new String(mark, java.nio.charset.StandardCharsets.UTF_8));
        }
        if (c.startsWith("sha256sum ")) {
            byte[] b = files.get(c.substring("sha256sum ".length()));
            return b == null ? fail(1, "sha256sum: No such file or directory") : ok(FlannelBinaryStep.sha256(b) + "  x\n");
        }
        if (c.equals(dev.overlaylab.engine.steps.KernelModuleStep.CHECK)) {
            String tried = vxlanLoaded ? "loaded\n" : "modprobe\n";
            vxlanLoaded = true;
            return ok(tried);
        }
        if (c.startsWith("systemctl ") && c.contains(" && systemctl ")) {
            ExecResult r = ok("");
            for (String part : c.split(" && ")) {
                r = systemctl(part.substring("systemctl ".length()));
                if (!r.ok()) {
                    return r;
                }
            }
            return r;
        }
        if (c.startsWith("systemctl ")) {
            return systemctl(c.substring("systemctl ".length()));
        }
        if (c.startsWith("SYSTEMCTL_SKIP_SYSV=1 systemctl ")) {
            return systemctl(c.substring("SYSTEMCTL_SKIP_SYSV=1 systemctl ".length()));
        }
        if (c.startsWith("journalctl ")) {
            return ok(journal != null ? journal : "-- journal of " + name + " --\n");
        }
        if (c.contains("etcdctl") && c.contains("endpoint health")) {
            return Boolean.TRUE.equals(active.get("etcd")) ? ok("healthy") : fail(1, "connection refused");
        }
        if (c.startsWith("docker image inspect ")) {
            return podImage ? ok("") : fail(1, "Error: No such image");
        }
        if (c.startsWith("dpkg-query -W")) {
            StringBuilder sb = new StringBuilder();
            packages.forEach(p -> sb.append(p).append(" install ok installed\n"));
            return ok(sb.toString());
        }
        if (c.startsWith("DEBIAN_FRONTEND=noninteractive apt-get install")) {
            String list = c.substring(0, c.indexOf(" ||")).replaceAll(".*--no-install-recommends ", "");
            installs.add(list);
            packages.addAll(List.of(list.split(" ")));
            return ok("");
        }
        if (c.equals("test -x /bin/busybox")) {
            return ok("");
        }
        if (c.startsWith("if docker image inspect ") && c.contains("docker import")) {
            boolean had = podImage;
            podImage = true;
            return ok(had ? "present\n" : "made\n");
        }
        if (c.startsWith("set -e; test -x /bin/busybox") && c.contains("docker import")) {
            podImage = true;
            return ok("");
        }
        if (c.startsWith("rm -f ")) {
            files.remove(c.substring("rm -f ".length()));
            return ok("");
        }
        return fail(127, "fake node " + name + ": command not modelled: " + c);
    }

    private ExecResult systemctl(String args) {
        String[] w = args.split(" ");
        String unit = w[w.length - 1];
        switch (w[0]) {
            case "is-active":
                return Boolean.TRUE.equals(active.get(unit)) ? ok("") : fail(3, "");
            case "is-enabled":
                return enabled.contains(unit) ? ok("") : fail(1, "");
            case "enable":
                enabled.add(unit);
                return ok("");
            case "daemon-reload":
                staleUnits = staleUnits == null ? null : Set.of();
                dropInDirUnseen = Set.of();
                return ok("");
            case "reset-failed":
                return ok("");
            case "show":
                if (staleUnits == null) {
                    return fail(127, "fake systemctl: " + args);
                }
                StringBuilder blocks = new StringBuilder();
                for (String u : args.substring(args.indexOf(" -- ") + 4).split(" ")) {
                    String id = u.replace("'", "");
                    String fragment = (files.containsKey("/etc/systemd/system/" + id) ? "/etc" : "/lib") + "/systemd/system/" + id;
                    String dropIns = dropInDirUnseen.contains(id) ? "" : String.join(" ", files.keySet().stream()
                            .filter(f -> f.startsWith("/etc/systemd/system/" + id + ".d/")).sorted().toList());
                    blocks.append(blocks.length() == 0 ? "" : "\n").append("Id=").append(id).append("\nLoadState=loaded\nFragmentPath=")
                            .append(fragment).append("\nDropInPaths=").append(dropIns).append("\nNeedDaemonReload=")
                            .append(staleUnits.contains(id) ? "yes" : "no").append("\n");
                }
                return ok(blocks.toString());
            case "stop":
                active.put(unit, false);
                if (unit.equals("docker")) {
                    docker0 = null;
                }
                return ok("");
            case "start":
            case "restart":
                active.put(unit, true);
                if (unit.equals("flanneld")) {
                    files.put(SubnetEnv.PATH, ("FLANNEL_NETWORK=10.1.0.0/16\nFLANNEL_SUBNET=" + lease + "\nFLANNEL_MTU=1472\nFLANNEL_IPMASQ=false\n")
                            .getBytes(StandardCharsets.UTF_8));
                }
                if (unit.equals("docker")) {
                    docker0 = files.containsKey(dropInPath) ? SubnetEnv.of(Optional.ofNullable(files.get(SubnetEnv.PATH))).flatMap(SubnetEnv::subnet).map(Object::toString).orElse(DOCKER_DEFAULT)
                            : DOCKER_DEFAULT;
                }
                return ok("");
            default:
                return fail(127, "fake systemctl: " + args);
        }
    }

    private String ipFromInterfacesFile() {
        String f = file("/etc/network/interfaces.d/enp0s8");
        for (String line : f.split("\n")) {
            if (line.strip().startsWith("address ")) {
                return line.strip().substring("address ".length()) + "/24";
            }
        }
        throw new IllegalStateException("no address line");
    }

    @Override
    public Optional<byte[]> read(String absolutePath) {
        if (!reachable) {
            throw new IllegalStateException("connection to " + name + " lost");
        }
        return Optional.ofNullable(files.get(absolutePath)).map(byte[]::clone);
    }

    @Override
    public void write(String absolutePath, byte[] content, int mode, String owner) {
        if (!reachable) {
            throw new IllegalStateException("connection to " + name + " lost");
        }
        writes.add(absolutePath);
        files.put(absolutePath, content.clone());
    }

    @Override
    public void close() {
    }

    private static ExecResult ok(String out) {
        return new ExecResult(List.of("sh", "-c"), 0, out, "");
    }

    private static ExecResult fail(int code, String err) {
        return new ExecResult(List.of("sh", "-c"), code, "", err);
    }
}
