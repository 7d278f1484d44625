package dev.overlaylab.provider.vboxws;

import dev.overlaylab.model.Cidr;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.model.Profile;
import dev.overlaylab.model.VBoxWebServer;
import dev.overlaylab.provider.vboxws.soap.SoapRequest;
import dev.overlaylab.provider.virtualbox.BoxSource;
import dev.overlaylab.provider.virtualbox.VirtualBoxContext;
import dev.overlaylab.provider.virtualbox.VirtualBoxSettings;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The dry run: the web-service operations {@code up} sends for a new lab, in order, written with the
 * same request builders (API 7.2's adapter; the server is not contacted). References ({@code _this},
 * sessions) are left out of each line; reads that only decide what to reuse are named once.
 */
final class WsPlan {
    private final Lab lab;
    private final Profile profile;
    private final VirtualBoxSettings settings;
    private final WsConnector connector;

    WsPlan(Lab lab, Profile profile, VirtualBoxSettings settings, WsConnector connector) {
        this.lab = lab;
        this.profile = profile;
        this.settings = settings;
        this.connector = connector;
    }

    List<String> lines() {
        VBoxWebServer server = lab.server().orElseThrow();
        ApiAdapter api = new Api72();
        List<String> out = new ArrayList<>();
        out.add("# VirtualBox web service " + server.url() + " (user '" + server.user() + "', password: "
                + connector.passwordSource(server) + "); the dry run does not contact it; operations for API " + api.apiVersion()
                + ", 'up' picks the adapter from IVirtualBox_getAPIVersion");
        out.add(SoapRequest.of("IWebsessionManager_logon").arg("username", server.user()).describe());
        out.add("IVirtualBox_getVersion(), IVirtualBox_getAPIVersion(), IVirtualBox_getHost(), IHost_getOperatingSystem()");
        String base = BoxSource.baseVmName(profile.box());
        Cidr net = Cidr.parse(lab.network().cidr()).normalized();
        out.add(SoapRequest.of("IHost_findHostNetworkInterfacesOfType").arg("type", "HostOnly").describe()
                + "  # one with " + lab.network().hostIp() + " is reused");
        out.add("IHost_createHostOnlyNetworkInterface(), IProgress_waitForCompletion(), IHostNetworkInterface_getName()"
                + "  # (the server names it; vboxnetN below)");
        out.add(SoapRequest.of("IHostNetworkInterface_enableStaticIPConfig").arg("IPAddress", lab.network().hostIp())
                .arg("networkMask", net.netmask()).describe());
        out.add("IVirtualBox_getMachines() and IMachine_getName() of each  # what exists is reused");
        out.add(SoapRequest.of("IVirtualBox_findMachine").arg("nameOrId", base).describe() + "  # the base image on the server");
        out.add("# SSH ports already forwarded by other VMs: INATEngine_getRedirects() of each");
        String bind = URI.create(server.url()).getHost();
        for (int i = 0; i < lab.nodes().size(); i++) {
            Node n = lab.nodes().get(i);
            String vm = VirtualBoxContext.vmName(lab, n);
            out.add("# node " + n.name() + " (" + n.ip() + "): VM " + vm);
            out.add("IMachine_getCurrentSnapshot(), ISnapshot_getMachine(), IMachine_getOSTypeId()  # of " + base);
            out.add(api.createMachine("", vm, "OSTYPE_OF_BASE").describe());
            out.add(SoapRequest.of("IMachine_cloneTo").arg("mode", "MachineState").arg("options", "Link").describe()
                    + ", IProgress_waitForCompletion()");
            out.add("IVirtualBox_registerMachine()");
            out.add(SoapRequest.of("IMachine_lockMachine").arg("lockType", "Write").describe() + ", ISession_getMachine()");
            out.add(SoapRequest.of("IMachine_setMemorySize").arg("memorySize", profile.memoryMb()).describe());
            out.add(SoapRequest.of("IMachine_setCPUCount").arg("CPUCount", profile.cpus()).describe());
            out.add(SoapRequest.of("INetworkAdapter_setAttachmentType").arg("attachmentType", "NAT").describe() + "  # NIC1 (slot 0)");
            out.add(SoapRequest.of("INATEngine_addRedirect").arg("name", WebMachine.SSH_RULE).arg("proto", "TCP").arg("hostIP", bind)
                    .arg("hostPort", settings.firstSshPort() + i).arg("guestIP", "").arg("guestPort", 22).describe()
                    + "  # (port chosen at run time; host IP: the server's address as resolved here)");
            out.add(SoapRequest.of("INetworkAdapter_setAttachmentType").arg("attachmentType", "HostOnly").describe() + "  # NIC2 (slot 1)");
            out.add(SoapRequest.of("INetworkAdapter_setHostOnlyInterface").arg("hostOnlyInterface", "vboxnetN").describe()
                    + ", INetworkAdapter_setCableConnected(cableConnected=true)");
            out.add("IMachine_saveSettings(), ISession_unlockMachine()");
        }
        for (Node n : lab.nodes()) {
            out.add(api.launchHeadless("", "").describe() + ", IProgress_waitForCompletion()  # " + VirtualBoxContext.vmName(lab, n));
        }
        out.add("IManagedObjectRef_release() of each reference when done with it; IWebsessionManager_logoff()");
        for (int i = 0; i < lab.nodes().size(); i++) {
            out.add("# wait for the SSH banner on " + bind + ":" + (settings.firstSshPort() + i) + " (node " + lab.nodes().get(i).name()
                    + ", up to " + settings.bootTimeout().toSeconds() + " s), log in as " + profile.user() + ", install the lab key");
        }
        return out;
    }
}
