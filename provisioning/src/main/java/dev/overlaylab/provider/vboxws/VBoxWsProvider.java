package dev.overlaylab.provider.vboxws;

import dev.overlaylab.provider.vboxws.soap.VBoxWebServiceException;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.model.Profile;
import dev.overlaylab.model.SshEndpoint;
import dev.overlaylab.model.VBoxWebServer;
import dev.overlaylab.progress.ProgressEvent;
import dev.overlaylab.progress.ProgressEvent.Status;
import dev.overlaylab.progress.ProgressListener;
import dev.overlaylab.provider.Provider;
import dev.overlaylab.provider.Readiness;
import dev.overlaylab.provider.virtualbox.GuestLogin;
import dev.overlaylab.provider.virtualbox.LabState;
import dev.overlaylab.provider.virtualbox.SshBannerWait;
import dev.overlaylab.provider.virtualbox.VirtualBoxContext;
import dev.overlaylab.provider.virtualbox.VirtualBoxSettings;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Nodes as VirtualBox VMs on another machine, driven through its web service ({@code vboxwebsrv}):
 * the {@code virtualbox} provider's layout (VMs {@code <lab>-<node>}, linked clones of the base image,
 * NIC1 NAT with an SSH forward, NIC2 host-only, headless), with the SSH forward bound to the server's
 * address so this machine reaches it. See docs/virtualbox-ws.md.
 */
public final class VBoxWsProvider implements Provider {
    public static final String ID = "virtualbox-ws";

    private final WsConnector connector;
    private final Function<String, Profile> profiles;
    private final VirtualBoxSettings settings;
    private final GuestLogin login;
    private final SshBannerWait sshWait;

    public VBoxWsProvider(WsConnector connector, Function<String, Profile> profiles, VirtualBoxSettings settings, GuestLogin login,
                          SshBannerWait sshWait) {
        this.connector = connector;
        this.profiles = profiles;
        this.settings = settings;
        this.login = login;
        this.sshWait = sshWait;
    }

    public static VBoxWsProvider forThisMachine(Function<String, Profile> profiles, GuestLogin login, ServerPasswordPrompt prompt) {
        return new VBoxWsProvider(WsConnector.real(prompt), profiles, VirtualBoxSettings.defaults(), login, SshBannerWait.real());
    }

    @Override
    public String id() {
        return ID;
    }

    /** Nothing is needed on this machine; the server is checked when a lab names it. */
    @Override
    public Optional<String> unavailableReason() {
        return Optional.empty();
    }

    @Override
    public Readiness readiness() {
        return new WsReadiness(connector).check(Optional.ofNullable(System.getenv("OLAB_VBOXWS_URL"))
                .map(u -> new VBoxWebServer(u, Optional.ofNullable(System.getenv("OLAB_VBOXWS_USER")).orElse(""))));
    }

    /** {@code olab doctor LAB}: the lab's server, checked. */
    public Readiness readiness(VBoxWebServer server) {
        return new WsReadiness(connector).check(Optional.of(server));
    }

    /** The wizard's Test connection: logs on and says what runs there, e.g. "VirtualBox 7.2.22_Debian (API 7_2) on 127.0.0.1". */
    public String describeServer(VBoxWebServer server) {
        try (WebVirtualBox vb = connector.connect(server)) {
            ServerFacts f = vb.facts();
            return "VirtualBox " + f.version() + " (API " + f.apiVersion() + ") on " + f.host();
        }
    }

    @Override
    public List<String> plan(Lab lab) {
        return new WsPlan(lab, profiles.apply(lab.profile()), settings, connector).lines();
    }

    @Override
    public List<Node> up(Lab lab, ProgressListener progress) {
        VBoxWebServer server = server(lab);
        Profile profile = profiles.apply(lab.profile());
        List<Integer> ports;
        String host = URI.create(server.url()).getHost();
        try (WebVirtualBox vb = connector.connect(server)) {
            WsLabUp run = new WsLabUp(vb, lab, profile, settings, bindAddress(server));
            ports = run.run(progress);
            // a new VM on a port another VM used before has a new host key: not an attack (as for virtualbox)
            run.newForwards.forEach(p -> login.vmReplaced(host, p));
        }
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < lab.nodes().size(); i++) {
            Node n = lab.nodes().get(i);
            if (sshWait.await(host, ports.get(i), settings.bootTimeout(), WsLabUp.STAGE, n.name(), progress).isEmpty()) {
                throw new IllegalStateException("no SSH answer within " + settings.bootTimeout().toSeconds() + " s from node " + n.name()
                        + " (" + host + ":" + ports.get(i) + ")\n  fix: look at the VM " + VirtualBoxContext.vmName(lab, n)
                        + " on the server (its console in VirtualBox) to see where boot stopped");
            }
            SshEndpoint box = endpoint(server, profile, ports.get(i));
            out.add(new Node(n.name(), n.ip(), n.role(), login.installLabKey(lab, n, box, progress)));
        }
        return out;
    }

    @Override
    public List<Node> endpoints(Lab lab) {
        VBoxWebServer server = server(lab);
        Profile profile = profiles.apply(lab.profile());
        List<Node> out = new ArrayList<>();
        try (WebVirtualBox vb = connector.connect(server)) {
            for (Node n : lab.nodes()) {
                String vm = VirtualBoxContext.vmName(lab, n);
                WebMachine m = vb.find(vm).orElseThrow(() -> new IllegalStateException("VM " + vm + " of node " + n.name()
                        + " does not exist on " + server.url() + "; run 'olab up' first"));
                int port = m.sshPort().orElseThrow(() -> new IllegalStateException("VM " + vm
                        + " has no SSH forward to guest port 22; run 'olab up' to repair it"));
                out.add(new Node(n.name(), n.ip(), n.role(), endpoint(server, profile, port)));
            }
        }
        return out;
    }

    @Override
    public boolean downDestroysMachines() {
        return true;
    }

    /**
     * Powers off and deletes the lab's VMs on the server, then the host-only interface this lab
     * created (if it did): exactly the list {@link #downPreview} shows, read the same way.
     */
    @Override
    public void down(Lab lab, ProgressListener progress) {
        VBoxWebServer server = server(lab);
        LabState state = LabState.load(settings.stateDir(), lab.name());
        try (WebVirtualBox vb = connector.connect(server)) {
            for (Node n : lab.nodes()) {
                String vm = VirtualBoxContext.vmName(lab, n);
                Optional<WebMachine> m = vb.find(vm);
                if (m.isEmpty()) {
                    progress.on(ProgressEvent.of(WsLabUp.STAGE, n.name(), "remove VM", Status.UNCHANGED, vm + " is not on the server"));
                } else {
                    if (m.get().running()) {
                        m.get().powerOff();
                    }
                    m.get().unregisterAndDelete();
                    progress.on(ProgressEvent.of(WsLabUp.STAGE, n.name(), "remove VM", Status.CHANGED, vm + " unregistered, its files deleted"));
                }
                state.forgetVm(n.name());
                state.save();
            }
            for (String iface : state.createdInterfaces()) {
                vb.removeHostOnlyInterface(iface, java.time.Duration.ofMinutes(2));
                state.forgetInterface(iface);
                state.save();
                progress.on(ProgressEvent.of(WsLabUp.STAGE, "", "host-only interface", Status.CHANGED, "removed " + iface + " (this lab created it)"));
            }
        }
        state.deleteIfEmpty();
    }

    /**
     * What {@link #down} removes now, in its order: the lab's VMs that are on the server, then the
     * host-only interfaces the lab state says this lab created. Reads the server, changes nothing.
     */
    @Override
    public List<dev.overlaylab.provider.Removal> downPreview(Lab lab) {
        VBoxWebServer server = server(lab);
        LabState state = LabState.load(settings.stateDir(), lab.name());
        List<dev.overlaylab.provider.Removal> out = new ArrayList<>();
        try (WebVirtualBox vb = connector.connect(server)) {
            for (Node n : lab.nodes()) {
                String vm = VirtualBoxContext.vmName(lab, n);
                if (vb.find(vm).isPresent()) {
                    out.add(new dev.overlaylab.provider.Removal(n.name(), "VM " + vm + " on " + server.url() + " and its files"));
                }
            }
        }
        for (String iface : state.createdInterfaces()) {
            out.add(new dev.overlaylab.provider.Removal("", "host-only interface " + iface + " on " + server.url()));
        }
        return out;
    }

    /** halt / resume / snapshots for the CLI. */
    public dev.overlaylab.provider.MachineLifecycle lifecycle(Lab lab) {
        server(lab);
        return new WsLifecycle(this, connector, lab, settings.haltTimeout());
    }

    private static VBoxWebServer server(Lab lab) {
        return lab.server().orElseThrow(() -> new IllegalArgumentException("lab " + lab.name() + " has no server: section"));
    }

    private SshEndpoint endpoint(VBoxWebServer server, Profile profile, int port) {
        boolean labKey = login != GuestLogin.NOT_WIRED;
        Optional<String> key = labKey ? Optional.empty() : settings.bootstrapKey().map(Object::toString);
        return new SshEndpoint(URI.create(server.url()).getHost(), port, profile.user(), key, !"root".equals(profile.user()));
    }

    /**
     * The address the SSH forwards listen on, on the server: the server's address as this machine reaches
     * it (the URL's host, resolved here), so the forward is reachable from the desktop and from nowhere else
     * the server has an interface; 127.0.0.1 would only be reachable on the server itself.
     */
    static String bindAddress(VBoxWebServer server) {
        String host = URI.create(server.url()).getHost();
        try {
            return InetAddress.getByName(host).getHostAddress();
        } catch (UnknownHostException e) {
            throw new VBoxWebServiceException("the server's name " + host + " does not resolve here",
                    "check server.url in the lab file (a name this machine resolves, or an IP address)", e);
        }
    }
}
