package dev.overlaylab.provider.virtualbox;

import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.exec.ExecRunner;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A stand-in for VBoxManage that keeps every argv it is given: a tiny model of VMs and host-only
 * interfaces answering in the output formats of the fixture version (showvminfo is rendered from
 * that version's {@code showvminfo-poweroff.txt}: recorded for 7.2.22, hand-written for the older
 * ones, see resources/virtualbox/README.md). It behaves as the real 7.2 was seen to: progress
 * ({@code 0%...100%}) on stderr, {@code controlvm} on a VM that is not running exits 1, an interface
 * without an address is listed as 192.168.56.1 but Down, and host-only networks exist only when the
 * fake is a macOS host. Scripted failures answer with fixture stderr.
 */
final class FakeVirtualBox implements ExecRunner {
    static final String PROGRAM = "/usr/bin/VBoxManage";
    /** What the real VBoxManage prints on stderr while a long operation runs. */
    static final String PROGRESS = "0%...10%...20%...30%...40%...50%...60%...70%...80%...90%...100%\n";

    static final class Vm {
        String name;
        final String uuid = UUID.randomUUID().toString();
        String state = "poweroff";
        int memory = 512;
        int cpus = 1;
        final List<String> forwards = new ArrayList<>();
        String hostOnly;
        boolean hostOnlyNetwork;
        final List<String> snapshots = new ArrayList<>();
        String currentSnapshot;
        /** how many showvminfo reads an ACPI shutdown takes; -1: the guest ignores the power button */
        int acpiReadsLeft = -1;
    }

    record HostOnly(String name, String ip, String mask) {
    }

    private record Failure(String command, String stderrFixture) {
    }

    final String version;
    final Map<String, Vm> vms = new LinkedHashMap<>();
    final List<HostOnly> hostOnlyIfs = new ArrayList<>();
    final List<HostOnly> hostOnlyNets = new ArrayList<>();
    final List<List<String>> calls = new ArrayList<>();
    private final Deque<Failure> failures = new ArrayDeque<>();
    String hostInfoFile = "list-hostinfo.txt";
    String bridgedIfsFile = "list-bridgedifs.txt";
    int acpiShutdownReads = 2;
    /** answer to --version instead of the fixture's, e.g. an unsupported version */
    String versionOutput;
    /** the host the fake runs on: {@code hostonlynet} exists only in VirtualBox 7 on macOS */
    HostOs os = HostOs.LINUX;

    FakeVirtualBox(String version) {
        this.version = version;
    }

    Vm addVm(String name, String state) {
        Vm vm = new Vm();
        vm.name = name;
        vm.state = state;
        vms.put(name, vm);
        return vm;
    }

    /** The next call of {@code command} (e.g. "modifyvm") fails with that fixture's stderr. */
    void failNext(String command, String stderrFixture) {
        failures.add(new Failure(command, stderrFixture));
    }

    /** Calls that change something (not list/showvminfo/--version/guestproperty). */
    List<List<String>> changes() {
        return calls.stream().filter(a -> !List.of("list", "showvminfo", "--version", "guestproperty").contains(a.get(0))).toList();
    }

    List<String> changeLines() {
        return changes().stream().map(a -> String.join(" ", a)).toList();
    }

    @Override
    public synchronized ExecResult run(List<String> argv, Map<String, String> extraEnv, Duration timeout) {
        if (!argv.get(0).equals(PROGRAM)) {
            throw new AssertionError("unexpected program: " + argv);
        }
        List<String> a = List.copyOf(argv.subList(1, argv.size()));
        calls.add(a);
        Failure f = failures.peek();
        if (f != null && f.command.equals(a.get(0))) {
            failures.poll();
            return new ExecResult(argv, 1, "", Fixtures.read(version, f.stderrFixture));
        }
        try {
            String out = answer(a);
            return new ExecResult(argv, 0, out, showsProgress(a) ? PROGRESS : "");
        } catch (NotFound e) {
            return new ExecResult(argv, 1, "", Fixtures.read(version, "showvminfo-missing.stderr").replace("seeds-node9", e.getMessage()));
        } catch (Refused e) {
            return new ExecResult(argv, e.exit, "", e.getMessage());
        }
    }

    /** The commands real 7.2 shows progress for (on stderr): import, clone, snapshots, unregister, controlvm, hostonlyif create/remove. */
    private static boolean showsProgress(List<String> a) {
        return switch (a.get(0)) {
            case "import", "clonevm", "snapshot", "unregistervm", "controlvm", "export" -> true;
            case "hostonlyif" -> !a.get(1).equals("ipconfig");
            default -> false;
        };
    }

    private static final class NotFound extends RuntimeException {
        NotFound(String name) {
            super(name);
        }
    }

    /** A failure with the real 7.2 text (exit code, stderr). */
    private static final class Refused extends RuntimeException {
        final int exit;

        Refused(int exit, String stderr) {
            super(stderr);
            this.exit = exit;
        }
    }

    private boolean hostOnlyNetworks() {
        return os == HostOs.MACOS && !version.startsWith("6.");
    }

    private Vm vm(String nameOrUuid) {
        Vm vm = vms.get(nameOrUuid);
        if (vm == null) {
            vm = vms.values().stream().filter(v -> v.uuid.equals(nameOrUuid)).findFirst().orElse(null);
        }
        if (vm == null) {
            throw new NotFound(nameOrUuid);
        }
        return vm;
    }

    private String answer(List<String> a) {
        switch (a.get(0)) {
            case "--version":
                return versionOutput != null ? versionOutput : Fixtures.read(version, "version.txt");
            case "list":
                return list(a.get(1));
            case "showvminfo":
                return render(vm(a.get(1)));
            case "guestproperty":
                vm(a.get(2));
                return Fixtures.read(version, "guestproperty-enumerate.txt");
            case "import": {
                Vm vm = addVm(a.get(a.indexOf("--vmname") + 1), "poweroff");
                vm.forwards.clear();
                return "Interpreting " + a.get(1) + "...\nOK.\nSuccessfully imported the appliance.\n";
            }
            case "clonevm": {
                vm(a.get(1));
                addVm(a.get(a.indexOf("--name") + 1), "poweroff");
                return "Machine has been successfully cloned as \""
                        + a.get(a.indexOf("--name") + 1) + "\"\n";
            }
            case "modifyvm":
                modify(vm(a.get(1)), a.subList(2, a.size()));
                return "";
            case "startvm": {
                Vm vm = vm(a.get(1));
                vm.state = "running";
                return "Waiting for VM \"" + vm.name + "\" to power on...\nVM \"" + vm.name + "\" has been successfully started.\n";
            }
            case "controlvm": {
                Vm vm = vm(a.get(1));
                if (!vm.state.equals("running") && !vm.state.equals("paused")) {
                    throw new Refused(1, "VBoxManage: error: Machine '" + vm.name + "' is not currently running.\n");
                }
                switch (a.get(2)) {
                    case "poweroff" -> vm.state = "poweroff";
                    case "acpipowerbutton" -> vm.acpiReadsLeft = acpiShutdownReads;
                    case "resume" -> vm.state = "running";
                    default -> throw new AssertionError("controlvm " + a.get(2));
                }
                return "";
            }
            case "unregistervm":
                vms.remove(vm(a.get(1)).name);
                return "";
            case "snapshot": {
                Vm vm = vm(a.get(1));
                if (a.get(2).equals("take")) {
                    vm.snapshots.add(a.get(3));
                    vm.currentSnapshot = a.get(3);
                    return "Snapshot taken. UUID: " + UUID.randomUUID() + "\n";
                }
                vm.currentSnapshot = a.get(3);
                return "Restoring snapshot '" + a.get(3) + "' (" + UUID.randomUUID() + ")\n";
            }
            case "hostonlyif":
                return hostOnlyIf(a);
            case "hostonlynet":
                if (!hostOnlyNetworks()) {
                    throw new Refused(1, "VBoxManage: error: Invalid command 'hostonlynet'\n");
                }
                if (a.get(1).equals("add")) {
                    hostOnlyNets.add(new HostOnly(a.get(a.indexOf("--name") + 1), a.get(a.indexOf("--lower-ip") + 1),
                            a.get(a.indexOf("--netmask") + 1)));
                } else {
                    String n = a.get(a.indexOf("--name") + 1);
                    hostOnlyNets.removeIf(h -> h.name().equals(n));
                }
                return "";
            default:
                throw new AssertionError("the fake VBoxManage does not know: " + a);
        }
    }

    private String hostOnlyIf(List<String> a) {
        switch (a.get(1)) {
            case "create": {
                String name = "vboxnet" + hostOnlyIfs.size();
                hostOnlyIfs.add(new HostOnly(name, "", ""));
                // the real text, without the progress that goes to stderr
                return "Interface '" + name + "' was successfully created\n";
            }
            case "ipconfig": {
                String name = a.get(2);
                hostOnlyIfs.replaceAll(h -> h.name().equals(name)
                        ? new HostOnly(name, a.get(a.indexOf("--ip") + 1), a.get(a.indexOf("--netmask") + 1)) : h);
                return "";
            }
            case "remove":
                hostOnlyIfs.removeIf(h -> h.name().equals(a.get(2)));
                return "";
            default:
                throw new AssertionError("hostonlyif " + a.get(1));
        }
    }

    private void modify(Vm vm, List<String> opts) {
        if (vm.state.equals("running") && !opts.isEmpty()) {
            throw new AssertionError("modifyvm on a running VM: " + opts);
        }
        for (int i = 0; i < opts.size(); i++) {
            String o = opts.get(i);
            switch (o) {
                case "--memory" -> vm.memory = Integer.parseInt(opts.get(++i));
                case "--cpus" -> vm.cpus = Integer.parseInt(opts.get(++i));
                case "--natpf1" -> {
                    String rule = opts.get(++i);
                    if (rule.equals("delete")) {
                        String n = opts.get(++i);
                        vm.forwards.removeIf(f -> f.startsWith(n + ","));
                    } else {
                        vm.forwards.add(rule);
                    }
                }
                case "--hostonlyadapter2" -> {
                    vm.hostOnly = opts.get(++i);
                    vm.hostOnlyNetwork = false;
                }
                case "--host-only-net2" -> {
                    vm.hostOnly = opts.get(++i);
                    vm.hostOnlyNetwork = true;
                }
                case "--nic1", "--nic2", "--cableconnected2" -> i++;
                default -> throw new AssertionError("modifyvm option " + o);
            }
        }
    }

    private String list(String what) {
        return switch (what) {
            case "vms" -> vms.values().stream().map(v -> "\"" + v.name + "\" {" + v.uuid + "}\n").collect(Collectors.joining());
            case "runningvms" -> vms.values().stream().filter(v -> v.state.equals("running"))
                    .map(v -> "\"" + v.name + "\" {" + v.uuid + "}\n").collect(Collectors.joining());
            case "hostonlyifs" -> hostOnlyIfs.stream().map(this::ifBlock).collect(Collectors.joining("\n"));
            case "hostonlynets" -> hostOnlyNetworks() ? hostOnlyNets.stream().map(h -> "Name:            " + h.name() + "\nGUID:            "
                    + UUID.nameUUIDFromBytes(h.name().getBytes()) + "\n\nState:           Enabled\nNetworkMask:     " + h.mask()
                    + "\nLowerIP:         " + h.ip() + "\nUpperIP:         " + h.ip() + "\nVBoxNetworkName: hostonly-" + h.name() + "\n")
                    .collect(Collectors.joining("\n"))
                    : refuse(2, "VBoxManage: error: Unknown subcommand \"hostonlynets\".\n");
            case "bridgedifs" -> Fixtures.read(version, bridgedIfsFile);
            case "hostinfo" -> Fixtures.read(version, hostInfoFile);
            default -> throw new AssertionError("list " + what);
        };
    }

    private static String refuse(int exit, String stderr) {
        throw new Refused(exit, stderr);
    }

    /** As real 7.2 lists it: an interface with no address shows VirtualBox's default 192.168.56.1/24, Down. */
    private String ifBlock(HostOnly h) {
        boolean none = h.ip().isEmpty();
        return "Name:            " + h.name() + "\nGUID:            786f6276-656e-4074-8000-0a0027000000\nDHCP:            Disabled\n"
                + "IPAddress:       " + (none ? "192.168.56.1" : h.ip()) + "\nNetworkMask:     " + (none ? "255.255.255.0" : h.mask())
                + "\nIPV6Address:     \nIPV6NetworkMaskPrefixLength: 0\nHardwareAddress: 0a:00:27:00:00:00\nMediumType:      Ethernet\n"
                + "Wireless:        No\nStatus:          " + (none ? "Down" : "Up") + "\nVBoxNetworkName: HostInterfaceNetworking-" + h.name() + "\n";
    }

    /** showvminfo in this version's layout: its showvminfo-poweroff.txt with our VM's values put in. */
    private String render(Vm vm) {
        if (vm.acpiReadsLeft > 0 && --vm.acpiReadsLeft == 0) {
            vm.state = "poweroff";
            vm.acpiReadsLeft = -1;
        }
        StringBuilder sb = new StringBuilder();
        for (String line : Fixtures.read(version, "showvminfo-poweroff.txt").split("\n")) {
            if (line.startsWith("Forwarding(") || line.startsWith("hostonlyadapter2=")) {
                continue;
            }
            if (line.startsWith("name=")) {
                line = "name=\"" + vm.name + "\"";
            } else if (line.startsWith("UUID=") || line.startsWith("hardwareuuid=")) {
                line = line.substring(0, line.indexOf('=')) + "=\"" + vm.uuid + "\"";
            } else if (line.startsWith("VMState=")) {
                line = "VMState=\"" + vm.state + "\"";
            } else if (line.startsWith("memory=")) {
                line = "memory=" + vm.memory;
            } else if (line.startsWith("cpus=")) {
                line = "cpus=" + vm.cpus;
            } else if (line.startsWith("macaddress2=")) {
                for (int i = 0; i < vm.forwards.size(); i++) {
                    sb.append("Forwarding(").append(i).append(")=\"").append(vm.forwards.get(i)).append("\"\n");
                }
                if (vm.hostOnly != null) {
                    sb.append(vm.hostOnlyNetwork ? "hostonly-network2=\"" : "hostonlyadapter2=\"").append(vm.hostOnly).append("\"\n");
                }
            } else if (line.startsWith("nic2=")) {
                line = "nic2=\"" + (vm.hostOnly == null ? "none" : vm.hostOnlyNetwork ? "hostonlynetwork" : "hostonly") + "\"";
            }
            sb.append(line).append('\n');
        }
        for (int i = 0; i < vm.snapshots.size(); i++) {
            String suffix = "-1".repeat(i);
            sb.append("SnapshotName").append(suffix).append("=\"").append(vm.snapshots.get(i)).append("\"\n");
            sb.append("SnapshotUUID").append(suffix).append("=\"").append(UUID.nameUUIDFromBytes(vm.snapshots.get(i).getBytes())).append("\"\n");
        }
        if (vm.currentSnapshot != null) {
            sb.append("CurrentSnapshotName=\"").append(vm.currentSnapshot).append("\"\n");
        }
        return sb.toString();
    }
}
