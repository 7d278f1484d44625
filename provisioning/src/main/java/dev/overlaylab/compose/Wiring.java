package dev.overlaylab.compose;

import dev.overlaylab.diagnose.VerifyAndDiagnose;
import dev.overlaylab.engine.Engine;
import dev.overlaylab.engine.LabChanges;
import dev.overlaylab.engine.MatrixVerifyStage;
import dev.overlaylab.etcd.EtcdPort;
import dev.overlaylab.etcd.EtcdTransport;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.model.Profiles;
import dev.overlaylab.progress.ProgressListener;
import dev.overlaylab.provider.Provider;
import dev.overlaylab.provider.Providers;
import dev.overlaylab.provider.hosts.HostsProvider;
import dev.overlaylab.provider.hosts.PasswordPrompt;
import dev.overlaylab.provider.local.LocalProvider;
import dev.overlaylab.provider.vboxws.ServerPasswordPrompt;
import dev.overlaylab.provider.vboxws.VBoxWsProvider;
import dev.overlaylab.provider.virtualbox.GuestLogin;
import dev.overlaylab.provider.virtualbox.SshGuestLogin;
import dev.overlaylab.provider.virtualbox.VirtualBoxProvider;
import dev.overlaylab.render.RenderException;
import dev.overlaylab.render.RenderedLab;
import dev.overlaylab.render.Renderer;
import dev.overlaylab.ssh.HostKeyListener;
import dev.overlaylab.ssh.KnownHostsStore;
import dev.overlaylab.ssh.LabKeys;
import dev.overlaylab.ssh.NodeShellFactory;
import dev.overlaylab.ssh.SshConnector;
import dev.overlaylab.ssh.SshTimeouts;
import dev.overlaylab.verify.Cells;
import dev.overlaylab.verify.OpenedShells;
import dev.overlaylab.verify.VerificationReport;
import dev.overlaylab.verify.Verifier;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The real parts, put together once for the CLI and the GUI: renderer, sshj shells (the app's
 * known_hosts, one key pair per lab), etcd through SSH local forwards ({@link #ETCD}), the
 * providers, the verification matrix. Tests build an {@link Engine} from doubles instead.
 *
 * <pre>{@code
 * Wiring w = new Wiring(hostKeyListener, passwordPrompt);
 * RenderedLab r = w.render(lab);
 * RunResult result = w.engine(report -> { }).up(lab, r, w.provider(lab), RunOptions.defaults(), listener);
 * }</pre>
 */
public final class Wiring {
    /**
     * How the CLI and the app reach etcd: every provider's nodes are sshj shells, so the typed jetcd /
     * v2 HTTP clients run here through a forward (one connection, no etcdctl round trips per call).
     */
    public static final EtcdTransport ETCD = EtcdTransport.FORWARD;

    private final HostKeyListener hostKeys;
    private final PasswordPrompt passwords;
    private final ServerPasswordPrompt serverPasswords;
    private final Map<String, SshConnector> connectors = new ConcurrentHashMap<>();

    public Wiring(HostKeyListener hostKeys, PasswordPrompt passwords) {
        this(hostKeys, passwords, ServerPasswordPrompt.NONE);
    }

    /** With the prompt for a VirtualBox web service's password ({@code virtualbox-ws} labs). */
    public Wiring(HostKeyListener hostKeys, PasswordPrompt passwords, ServerPasswordPrompt serverPasswords) {
        this.hostKeys = hostKeys;
        this.passwords = passwords;
        this.serverPasswords = serverPasswords;
    }

    /** Every node's files and the etcd network config, from the lab's {@code templates:} folder over the built-in templates. */
    public RenderedLab render(Lab lab) throws RenderException {
        return Renderer.forLab(lab).render(lab, Profiles.of(lab));
    }

    /** The SSH connector of a lab: its own key pair, the app's known_hosts. */
    public SshConnector connector(Lab lab) {
        return connectors.computeIfAbsent(lab.name(),
                n -> new SshConnector(KnownHostsStore.standard(), LabKeys.forLab(n), hostKeys, SshTimeouts.defaults()));
    }

    public NodeShellFactory shells() {
        return (lab, node) -> connector(lab).connect(node.name(), node.ssh());
    }

    /**
     * {@code olab verify} and the app's Verify: the matrix over one shell per node and, when
     * something failed, the diagnosis. With a single cell selected only that check runs (and no
     * diagnosis: one cell is not the evidence the rules weigh).
     */
    public VerifyAndDiagnose.Outcome verify(Lab lab, Provider provider, Cells cells, ProgressListener progress) {
        List<Node> endpoints = provider.endpoints(lab);
        try (OpenedShells access = new OpenedShells(lab, endpoints, shells(), etcdPorts())) {
            if (cells.all()) {
                return new VerifyAndDiagnose().run(lab, access, progress, cells);
            }
            VerificationReport report = new Verifier().run(lab, access, progress, cells);
            return new VerifyAndDiagnose.Outcome(report, List.of(), report.elapsed());
        }
    }

    /** The engine with the real parts; {@code reports} receives each verification report (the GUI draws it). */
    public Engine engine(Consumer<VerificationReport> reports) {
        return new Engine(shells(), etcdPorts(), new MatrixVerifyStage(reports));
    }

    /** Opens the lab's etcd port through its connected master, with this wiring's transport. */
    /** Practice mode: one fault broken on purpose ({@code olab break}, the app's Practice). */
    public Practice practice() {
        return new Practice(shells());
    }

    /** What differs between a running lab and its lab file (files and the network config). */
    public LabChanges changes() {
        return new LabChanges(shells(), etcdPorts());
    }

    public EtcdPort.Factory etcdPorts() {
        return ETCD.ports();
    }

    public Providers providers() {
        HostsProvider hosts = new HostsProvider(shells(), (lab, node, pw) -> connector(lab).installKey(node.name(), node.ssh(), pw), passwords);
        return new Providers(List.of(
                new LocalProvider(),
                VirtualBoxProvider.forThisMachine(Profiles::get, guestLogin()),
                hosts,
                VBoxWsProvider.forThisMachine(Profiles::get, guestLogin(), serverPasswords)));
    }

    /** The lab's provider; {@link IllegalArgumentException} naming the known ids when there is none. */
    public Provider provider(Lab lab) {
        return providers().require(lab.provider());
    }

    /**
     * A fresh VM's first login (the virtualbox provider's {@link SshGuestLogin}): the lab key if it
     * already works, else the box's key or Vagrant's vagrant/vagrant, adding the lab key; a VM created
     * or deleted on a loopback port has its old known_hosts entry forgotten.
     */
    private GuestLogin guestLogin() {
        return new SshGuestLogin(KnownHostsStore.standard(), hostKeys, SshTimeouts.defaults(), name -> LabKeys.forLab(name));
    }

    /**
     * {@code olab down}: the provider removes the lab; where that destroys the machines, their host
     * keys are forgotten from the app's known_hosts, so a new lab on the same addresses or forwarded
     * ports is not refused as a changed host key.
     */
    public void down(Lab lab, Provider provider, ProgressListener progress) {
        List<Node> gone = List.of();
        if (provider.downDestroysMachines()) {
            try {
                gone = provider.endpoints(lab);
            } catch (RuntimeException notUp) {
                gone = List.of(); // nothing running: nothing was recorded for it by this lab's run
            }
        }
        provider.down(lab, progress);
        KnownHostsStore known = KnownHostsStore.standard();
        for (Node n : gone) {
            known.forget(n.ssh().host(), n.ssh().port());
        }
    }
}
