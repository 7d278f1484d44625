package dev.overlaylab.provider.vboxws;

import dev.overlaylab.provider.vboxws.soap.SoapFault;
import dev.overlaylab.provider.vboxws.soap.SoapRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One registered VM on the server, driven as VBoxManage would: settings changed in a write-locked
 * session and saved ({@code modifyvm}), started headless ({@code startvm --type headless}), stopped,
 * snapshotted, unregistered with its files deleted ({@code unregistervm --delete}).
 */
public final class WebMachine {
    /** The SSH rule's name on NIC1, as the virtualbox provider names it. */
    public static final String SSH_RULE = "ssh";
    private static final Duration LONG = Duration.ofMinutes(5);

    private final WebVirtualBox server;
    private final WebSession ws;
    private final String name;
    private final String ref;

    WebMachine(WebVirtualBox server, String name, String ref) {
        this.server = server;
        this.ws = server.session();
        this.name = name;
        this.ref = ref;
    }

    public String name() {
        return name;
    }

    String ref() {
        return ref;
    }

    /** The machine state as the API names it: {@code PoweredOff}, {@code Running}, {@code Paused}, {@code Aborted}… */
    public String state() {
        return ws.value(SoapRequest.of("IMachine_getState").arg("_this", ref));
    }

    public boolean running() {
        return List.of("Running", "Paused", "Starting", "Stuck", "LiveSnapshotting", "OnlineSnapshotting").contains(state());
    }

    /** NIC1's NAT forwarding rules, each {@code name,proto,hostip,hostport,guestip,guestport} (proto 1 = TCP). */
    public List<String> natRules() {
        try (WebSession.Scope s = ws.scope()) {
            String nic = ws.value(SoapRequest.of("IMachine_getNetworkAdapter").arg("_this", ref).arg("slot", 0));
            if (!"NAT".equals(ws.value(SoapRequest.of("INetworkAdapter_getAttachmentType").arg("_this", nic)))) {
                return List.of();
            }
            String nat = ws.value(SoapRequest.of("INetworkAdapter_getNATEngine").arg("_this", nic));
            return ws.call(SoapRequest.of("INATEngine_getRedirects").arg("_this", nat)).all("returnval");
        }
    }

    /** The host port of the {@value #SSH_RULE} rule to guest port 22, if there is one. */
    public Optional<Integer> sshPort() {
        for (String rule : natRules()) {
            String[] f = rule.split(",", -1);
            if (f.length == 6 && f[0].equals(SSH_RULE) && f[5].equals("22")) {
                return Optional.of(Integer.parseInt(f[3]));
            }
        }
        return Optional.empty();
    }

    /**
     * The lab's settings, in one locked session, saved: memory and CPUs; NIC1 NAT with the rule
     * {@code ssh} from {@code bindIp:port} to guest port 22 (an old rule of that name is replaced);
     * NIC2 host-only on {@code hostOnlyIf}, cable connected.
     */
    public void configure(int memoryMb, int cpus, String bindIp, int port, String hostOnlyIf) {
        edit("configuring VM " + name, "modifyvm", m -> {
            ws.call(SoapRequest.of("IMachine_setMemorySize").arg("_this", m).arg("memorySize", memoryMb));
            ws.call(SoapRequest.of("IMachine_setCPUCount").arg("_this", m).arg("CPUCount", cpus));
            String nic1 = ws.value(SoapRequest.of("IMachine_getNetworkAdapter").arg("_this", m).arg("slot", 0));
            ws.call(SoapRequest.of("INetworkAdapter_setEnabled").arg("_this", nic1).arg("enabled", true));
            ws.call(SoapRequest.of("INetworkAdapter_setAttachmentType").arg("_this", nic1).arg("attachmentType", "NAT"));
            String nat = ws.value(SoapRequest.of("INetworkAdapter_getNATEngine").arg("_this", nic1));
            boolean hasSsh = ws.call(SoapRequest.of("INATEngine_getRedirects").arg("_this", nat)).all("returnval").stream()
                    .anyMatch(r -> r.startsWith(SSH_RULE + ","));
            if (hasSsh) {
                ws.call(SoapRequest.of("INATEngine_removeRedirect").arg("_this", nat).arg("name", SSH_RULE));
            }
            ws.call(SoapRequest.of("INATEngine_addRedirect").arg("_this", nat).arg("name", SSH_RULE).arg("proto", "TCP")
                    .arg("hostIP", bindIp).arg("hostPort", port).arg("guestIP", "").arg("guestPort", 22));
            String nic2 = ws.value(SoapRequest.of("IMachine_getNetworkAdapter").arg("_this", m).arg("slot", 1));
            ws.call(SoapRequest.of("INetworkAdapter_setEnabled").arg("_this", nic2).arg("enabled", true));
            ws.call(SoapRequest.of("INetworkAdapter_setAttachmentType").arg("_this", nic2).arg("attachmentType", "HostOnly"));
            ws.call(SoapRequest.of("INetworkAdapter_setHostOnlyInterface").arg("_this", nic2).arg("hostOnlyInterface", hostOnlyIf));
            ws.call(SoapRequest.of("INetworkAdapter_setCableConnected").arg("_this", nic2).arg("cableConnected", true));
        });
    }

    /** {@code startvm --type headless}: launches and waits until VirtualBox says it started or failed. */
    public void startHeadless(Duration timeout) {
        try (WebSession.Scope s = ws.scope()) {
            String session = ws.value(SoapRequest.of("IWebsessionManager_getSessionObject").arg("refIVirtualBox", ws.vbox()));
            String progress = server.call("starting VM " + name, "startvm", server.api().launchHeadless(ref, session)).returnval();
            try {
                server.await("starting VM " + name, "startvm", progress, timeout);
            } finally {
                unlockQuietly(session);
            }
        }
    }

    /** The ACPI power button ({@code controlvm acpipowerbutton}); the guest decides whether to shut down. */
    public void acpiPowerButton() {
        console("pressing the power button of " + name, "controlvm",
                c -> ws.call(SoapRequest.of("IConsole_powerButton").arg("_this", c)));
    }

    /** {@code controlvm poweroff}: off at once, as pulling the plug. */
    public void powerOff() {
        console("powering off " + name, "controlvm", c -> server.await("powering off " + name, "controlvm",
                ws.value(SoapRequest.of("IConsole_powerDown").arg("_this", c)), LONG));
    }

    /**
     * {@code snapshot take NAME}, as VBoxManage does it by default: under a shared lock, with
     * {@code pause=true} (a running VM is paused while its state is saved; {@code pause=false} asks for a
     * live snapshot, which 7.2 refuses for a stopped VM: "Cannot take a live snapshot … unless it is running").
     */
    public void takeSnapshot(String snapshot) {
        locked("taking snapshot " + snapshot + " of " + name, "snapshot", "Shared", m -> server.await(
                "taking snapshot " + snapshot + " of " + name, "snapshot", ws.call(SoapRequest.of("IMachine_takeSnapshot")
                        .arg("_this", m).arg("name", snapshot).arg("description", "Overlay Lab").arg("pause", true))
                        .returnval(), LONG));
    }

    /** {@code snapshot restore NAME} on a VM that is off. */
    public void restoreSnapshot(String snapshot) {
        locked("restoring snapshot " + snapshot + " of " + name, "snapshot", "Write", m -> {
            String snap = ws.value(SoapRequest.of("IMachine_findSnapshot").arg("_this", m).arg("nameOrId", snapshot));
            server.await("restoring snapshot " + snapshot + " of " + name, "snapshot",
                    ws.value(SoapRequest.of("IMachine_restoreSnapshot").arg("_this", m).arg("snapshot", snap)), LONG);
        });
    }

    /** Names of the VM's snapshots, the root and its first children (Overlay Lab takes them in a line). */
    public List<String> snapshotNames() {
        List<String> out = new ArrayList<>();
        if (Integer.parseInt(ws.value(SoapRequest.of("IMachine_getSnapshotCount").arg("_this", ref)).strip()) == 0) {
            return out;
        }
        try (WebSession.Scope s = ws.scope()) {
            String snap = ws.value(SoapRequest.of("IMachine_findSnapshot").arg("_this", ref).arg("nameOrId", ""));
            while (!snap.isEmpty()) {
                out.add(ws.value(SoapRequest.of("ISnapshot_getName").arg("_this", snap)));
                List<String> children = ws.call(SoapRequest.of("ISnapshot_getChildren").arg("_this", snap)).all("returnval");
                snap = children.isEmpty() ? "" : children.get(0);
            }
        }
        return out;
    }

    /** {@code unregistervm --delete}: unregisters, then deletes its settings, logs and own disks (not a linked clone's base). */
    public void unregisterAndDelete() {
        List<String> media = server.call("unregistering " + name, "unregistervm", SoapRequest.of("IMachine_unregister")
                .arg("_this", ref).arg("cleanupMode", "DetachAllReturnHardDisksOnly")).all("returnval");
        server.await("deleting the files of " + name, "unregistervm", server.call("deleting the files of " + name, "unregistervm",
                SoapRequest.of("IMachine_deleteConfig").arg("_this", ref).array("media", media)).returnval(), LONG);
    }

    private void locked(String what, String subcommand, String lockType, Consumer<String> work) {
        locked(what, subcommand, lockType, "ISession_getMachine", work);
    }

    private void console(String what, String subcommand, Consumer<String> work) {
        locked(what, subcommand, "Shared", "ISession_getConsole", work);
    }

    private void edit(String what, String subcommand, Consumer<String> change) {
        locked(what, subcommand, "Write", m -> {
            change.accept(m);
            ws.call(SoapRequest.of("IMachine_saveSettings").arg("_this", m));
        });
    }

    /**
     * Runs {@code work} on what {@code getter} ({@code ISession_getMachine}: the mutable machine;
     * {@code ISession_getConsole}: the running VM's console) returns while {@code lockType} holds the VM; always unlocks.
     */
    private void locked(String what, String subcommand, String lockType, String getter, Consumer<String> work) {
        try (WebSession.Scope s = ws.scope()) {
            String session = ws.value(SoapRequest.of("IWebsessionManager_getSessionObject").arg("refIVirtualBox", ws.vbox()));
            server.call(what, subcommand, SoapRequest.of("IMachine_lockMachine").arg("_this", ref).arg("session", session)
                    .arg("lockType", lockType));
            try {
                work.accept(ws.value(SoapRequest.of(getter).arg("_this", session)));
            } catch (SoapFault f) {
                throw WsErrors.explain(what, subcommand, f.message(), server.facts(), f);
            } finally {
                unlockQuietly(session);
            }
        }
    }

    private void unlockQuietly(String session) {
        try {
            if ("Locked".equals(ws.value(SoapRequest.of("ISession_getState").arg("_this", session)))) {
                ws.call(SoapRequest.of("ISession_unlockMachine").arg("_this", session));
            }
        } catch (SoapFault f) {
            // the session was never locked (the launch failed first): nothing to undo
        }
    }
}
