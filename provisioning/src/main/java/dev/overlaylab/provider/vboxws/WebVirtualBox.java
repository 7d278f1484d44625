package dev.overlaylab.provider.vboxws;

import dev.overlaylab.provider.vboxws.soap.VBoxWebServiceException;
import dev.overlaylab.provider.vboxws.soap.SoapFault;
import dev.overlaylab.provider.vboxws.soap.SoapRequest;
import dev.overlaylab.provider.vboxws.soap.SoapTransport;
import dev.overlaylab.provider.virtualbox.HostOs;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A logged-on VirtualBox server: its facts (version, API version, OS), the adapter for its API, and
 * the server-wide operations (machines, host-only interfaces, progress). Per-VM work is
 * {@link WebMachine}. Close it to log off.
 */
public final class WebVirtualBox implements AutoCloseable {
    private final WebSession ws;
    private final ServerFacts facts;
    private final ApiAdapter api;

    private WebVirtualBox(WebSession ws, ServerFacts facts, ApiAdapter api) {
        this.ws = ws;
        this.facts = facts;
        this.api = api;
    }

    /** Logs on and reads the server's facts; an API version without an adapter is refused (and logged off). */
    public static WebVirtualBox connect(SoapTransport transport, URI url, String user, char[] password) {
        WebSession ws = WebSession.logon(transport, url.toString(), user, password);
        try {
            String version = ws.value(SoapRequest.of("IVirtualBox_getVersion").arg("_this", ws.vbox()));
            String apiVersion = ws.value(SoapRequest.of("IVirtualBox_getAPIVersion").arg("_this", ws.vbox()));
            String host = ws.value(SoapRequest.of("IVirtualBox_getHost").arg("_this", ws.vbox()));
            String os = ws.value(SoapRequest.of("IHost_getOperatingSystem").arg("_this", host));
            ServerFacts facts = new ServerFacts(url.getHost(), version, apiVersion, HostOs.fromOsName(os));
            return new WebVirtualBox(ws, facts, ApiAdapters.pick(apiVersion, version, url.toString()));
        } catch (RuntimeException e) {
            ws.close();
            throw e;
        }
    }

    public ServerFacts facts() {
        return facts;
    }

    public ApiAdapter api() {
        return api;
    }

    public WebSession session() {
        return ws;
    }

    /** Names of the registered machines (inaccessible ones are skipped: they have no name to read). */
    public List<String> machineNames() {
        List<String> names = new ArrayList<>();
        try (WebSession.Scope s = ws.scope()) {
            for (String m : ws.call(SoapRequest.of("IVirtualBox_getMachines").arg("_this", ws.vbox())).all("returnval")) {
                try {
                    names.add(ws.value(SoapRequest.of("IMachine_getName").arg("_this", m)));
                } catch (SoapFault inaccessible) {
                    // a machine whose settings file is unreadable has no name; it is not ours either way
                }
            }
        }
        return names;
    }

    /** The registered machine {@code name}, or empty. */
    public Optional<WebMachine> find(String name) {
        try {
            return Optional.of(new WebMachine(this, name,
                    ws.value(SoapRequest.of("IVirtualBox_findMachine").arg("_this", ws.vbox()).arg("nameOrId", name))));
        } catch (SoapFault f) {
            if (f.notFound()) {
                return Optional.empty();
            }
            throw WsErrors.explain("finding VM " + name, "showvminfo", f.message(), facts, f);
        }
    }

    /**
     * A new VM {@code name}, registered: a linked clone of {@code base}'s current snapshot (seconds, no
     * disk copy), or a full clone when the base has no snapshot; as {@code clonevm --options link}.
     */
    public WebMachine cloneFrom(WebMachine base, String name, Duration timeout) {
        String snapshot = ws.value(SoapRequest.of("IMachine_getCurrentSnapshot").arg("_this", base.ref()));
        String source = snapshot.isEmpty() ? base.ref()
                : ws.value(SoapRequest.of("ISnapshot_getMachine").arg("_this", snapshot));
        String osType = ws.value(SoapRequest.of("IMachine_getOSTypeId").arg("_this", base.ref()));
        String target;
        try {
            target = ws.value(api.createMachine(ws.vbox(), name, osType));
        } catch (SoapFault f) {
            throw WsErrors.explain("creating VM " + name, "clonevm", f.message(), facts, f);
        }
        SoapRequest clone = SoapRequest.of("IMachine_cloneTo").arg("_this", source).arg("target", target).arg("mode", "MachineState");
        if (!snapshot.isEmpty()) {
            clone = clone.arg("options", "Link");
        }
        await("cloning " + base.name() + " into " + name, "clonevm", ws.value(clone), timeout);
        ws.call(SoapRequest.of("IVirtualBox_registerMachine").arg("_this", ws.vbox()).arg("machine", target));
        return new WebMachine(this, name, target);
    }

    /** The server's host-only interfaces: name, IPv4 address, mask. */
    public List<HostOnlyIf> hostOnlyInterfaces() {
        List<HostOnlyIf> out = new ArrayList<>();
        try (WebSession.Scope s = ws.scope()) {
            String host = ws.value(SoapRequest.of("IVirtualBox_getHost").arg("_this", ws.vbox()));
            for (String i : ws.call(SoapRequest.of("IHost_findHostNetworkInterfacesOfType").arg("_this", host)
                    .arg("type", "HostOnly")).all("returnval")) {
                out.add(new HostOnlyIf(ws.value(SoapRequest.of("IHostNetworkInterface_getName").arg("_this", i)),
                        ws.value(SoapRequest.of("IHostNetworkInterface_getIPAddress").arg("_this", i)),
                        ws.value(SoapRequest.of("IHostNetworkInterface_getNetworkMask").arg("_this", i))));
            }
        }
        return out;
    }

    /** A host-only interface on the server: {@code vboxnetN}, its address and mask. */
    public record HostOnlyIf(String name, String ip, String mask) {
    }

    /**
     * Creates a host-only interface on the server and gives it {@code ip}/{@code mask}; returns its
     * name. {@code created} hears the name before the address is set, so a refused address still
     * leaves the interface recorded for {@code down}.
     */
    public String createHostOnlyInterface(String ip, String mask, java.util.function.Consumer<String> created, Duration timeout) {
        try (WebSession.Scope s = ws.scope()) {
            String host = ws.value(SoapRequest.of("IVirtualBox_getHost").arg("_this", ws.vbox()));
            var r = call("creating a host-only interface", "hostonlyif",
                    SoapRequest.of("IHost_createHostOnlyNetworkInterface").arg("_this", host));
            await("creating a host-only interface", "hostonlyif", r.returnval(), timeout);
            String iface = r.get("hostInterface");
            String name = ws.value(SoapRequest.of("IHostNetworkInterface_getName").arg("_this", iface));
            created.accept(name);
            call("giving " + name + " the address " + ip, "hostonlyif", SoapRequest.of("IHostNetworkInterface_enableStaticIPConfig")
                    .arg("_this", iface).arg("IPAddress", ip).arg("networkMask", mask));
            return name;
        }
    }

    /** Removes the host-only interface {@code name} from the server. */
    public void removeHostOnlyInterface(String name, Duration timeout) {
        try (WebSession.Scope s = ws.scope()) {
            String host = ws.value(SoapRequest.of("IVirtualBox_getHost").arg("_this", ws.vbox()));
            String iface = ws.value(SoapRequest.of("IHost_findHostNetworkInterfaceByName").arg("_this", host).arg("name", name));
            String id = ws.value(SoapRequest.of("IHostNetworkInterface_getId").arg("_this", iface));
            await("removing " + name, "hostonlyif", call("removing " + name, "hostonlyif",
                    SoapRequest.of("IHost_removeHostOnlyNetworkInterface").arg("_this", host).arg("id", id)).returnval(), timeout);
        }
    }

    /** One call whose fault is explained as the VBoxManage {@code subcommand} it corresponds to. */
    dev.overlaylab.provider.vboxws.soap.SoapResponse call(String what, String subcommand, SoapRequest req) {
        try {
            return ws.call(req);
        } catch (SoapFault f) {
            throw WsErrors.explain(what, subcommand, f.message(), facts, f);
        }
    }

    /**
     * Waits for an IProgress in slices of at most 5 s (each call also keeps the web session alive), up
     * to {@code timeout}; a failed progress is explained from its error info's text.
     */
    void await(String what, String subcommand, String progress, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Boolean.parseBoolean(ws.value(SoapRequest.of("IProgress_getCompleted").arg("_this", progress)))) {
            long leftMs = (deadline - System.nanoTime()) / 1_000_000;
            if (leftMs <= 0) {
                throw new VBoxWebServiceException(what + " did not finish within " + timeout.toSeconds() + " s on the server "
                        + facts.host(), "look at the server's VirtualBox (VBoxSVC.log) for what it waits on, then run again", null);
            }
            ws.call(SoapRequest.of("IProgress_waitForCompletion").arg("_this", progress).arg("timeout", Math.min(5000, leftMs)));
        }
        int rc = Integer.parseInt(ws.value(SoapRequest.of("IProgress_getResultCode").arg("_this", progress)).strip());
        if (rc != 0) {
            String info = ws.value(SoapRequest.of("IProgress_getErrorInfo").arg("_this", progress));
            String text = info.isEmpty() ? String.format("result code 0x%08x", rc)
                    : ws.value(SoapRequest.of("IVirtualBoxErrorInfo_getText").arg("_this", info));
            throw WsErrors.explain(what, subcommand, text, facts, null);
        }
    }

    @Override
    public void close() {
        ws.close();
    }
}
