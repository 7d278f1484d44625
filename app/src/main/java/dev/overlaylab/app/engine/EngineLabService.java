package dev.overlaylab.app.engine;

import dev.overlaylab.model.Lab;
import dev.overlaylab.model.LabFileException;
import dev.overlaylab.model.LabLoader;
import dev.overlaylab.model.Profiles;
import dev.overlaylab.engine.LabChanges;
import dev.overlaylab.engine.LabInspector;
import dev.overlaylab.engine.Pipelines;
import dev.overlaylab.progress.ProgressListener;
import dev.overlaylab.engine.RunOptions;
import dev.overlaylab.engine.RunResult;
import dev.overlaylab.engine.Stage;
import dev.overlaylab.compose.Wiring;
import dev.overlaylab.ssh.HostKeyListener;
import dev.overlaylab.provider.Provider;
import dev.overlaylab.provider.Providers;
import dev.overlaylab.provider.hosts.PasswordPrompt;
import dev.overlaylab.provider.local.LocalProvider;
import dev.overlaylab.exec.ProcessRunner;
import dev.overlaylab.provider.virtualbox.VirtualBoxProvider;
import dev.overlaylab.provider.virtualbox.VirtualBoxUnavailableException;
import dev.overlaylab.provider.virtualbox.image.BaseImages;
import dev.overlaylab.render.RenderedFile;
import dev.overlaylab.render.RenderedLab;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link LabService} backed by the real engine in {@code provisioning}, wired exactly as the command
 * line is ({@link Wiring}).
 */
public final class EngineLabService implements LabService {

    /** The providers this build has, in the order the wizard lists them. */
    static final List<String> KNOWN_PROVIDERS = List.of("local", "virtualbox", "hosts", "virtualbox-ws");

    private final Wiring wiring;
    private final HostKeyListener hostKeys;
    private final EngineDiagnosis diagnosis;
    private final EngineLifecycle life;
    private volatile Providers providers;
    private volatile BaseImages images;
    private volatile RootAccess root;

    /**
     * @param hostKeys told about every node host key seen for the first time (shown to the person once)
     * @param prompt   asks for a node's password once (hosts provider key install)
     */
    public EngineLabService(HostKeyListener hostKeys, PasswordPrompt prompt) {
        this.hostKeys = hostKeys;
        // the app's dialog also asks for a VirtualBox web service's password (virtualbox-ws), when it can
        this.wiring = new Wiring(hostKeys, prompt, prompt instanceof dev.overlaylab.provider.vboxws.ServerPasswordPrompt s
                ? s : dev.overlaylab.provider.vboxws.ServerPasswordPrompt.NONE);
        this.diagnosis = new EngineDiagnosis(wiring);
        this.life = new EngineLifecycle(wiring);
    }

    /** Built on first use, off the event thread (providers look at the machine to say if they can run). */
    private Providers registry() {
        Providers p = providers;
        if (p == null) {
            p = wiring.providers();
            providers = p;
        }
        return p;
    }

    @Override
    public List<dev.overlaylab.provider.Readiness> readiness() {
        return dev.overlaylab.provider.Doctor.check(registry(), List.of());
    }

    @Override
    public List<ProviderChoice> providers() {
        Map<String, Provider> found = new LinkedHashMap<>();
        registry().all().forEach(p -> found.put(p.id(), p));
        List<ProviderChoice> out = new ArrayList<>();
        for (String id : KNOWN_PROVIDERS) {
            Provider p = found.remove(id);
            out.add(p == null
                    ? new ProviderChoice(id, Optional.of("the " + id + " provider is not part of this build yet."))
                    : new ProviderChoice(id, unavailableReason(p)));
        }
        found.values().forEach(p -> out.add(new ProviderChoice(p.id(), unavailableReason(p))));
        return out;
    }

    /** A local provider that lacks only root is usable when the app can get root for it ({@link RootAccess}). */
    private Optional<String> unavailableReason(Provider p) {
        return LocalProvider.ID.equals(p.id()) ? rootAccess().unavailableReason(p) : p.unavailableReason();
    }

    @Override
    public Optional<String> rootNote(String provider) {
        return LocalProvider.ID.equals(provider) && rootAccess().possible() ? rootAccess().explanation("LAB.yaml") : Optional.empty();
    }

    private RootAccess rootAccess() {
        RootAccess r = root;
        if (r == null) {
            r = RootAccess.forThisMachine();
            root = r;
        }
        return r;
    }

    /** Whether this lab's up and down run as the app's own olab as root, not in this process (local, not root). */
    private boolean asRoot(Lab lab) {
        return LocalProvider.ID.equals(lab.provider()) && rootAccess().needed();
    }

    private PrivilegedOlab privileged() {
        return new PrivilegedOlab(new ProcessRunner(), rootAccess(), PrivilegedOlab.thisLauncher(), PrivilegedOlab.userDataDir());
    }

    @Override
    public String testServer(String url, String user) {
        if (!(registry().get(dev.overlaylab.provider.vboxws.VBoxWsProvider.ID).orElse(null)
                instanceof dev.overlaylab.provider.vboxws.VBoxWsProvider ws)) {
            throw new IllegalStateException("this build has no virtualbox-ws provider");
        }
        return ws.describeServer(new dev.overlaylab.model.VBoxWebServer(url, user));
    }

    @Override
    public dev.overlaylab.provider.hosts.ConnectionCheck.Result testSsh(String labName, String node,
            dev.overlaylab.model.SshEndpoint endpoint) throws InterruptedException {
        return dev.overlaylab.provider.hosts.ConnectionCheck.standard(hostKeys)
                .check(node, endpoint, dev.overlaylab.ssh.LabKeys.lookup(labName));
    }

    @Override
    public List<String> profiles(String provider) {
        // docs/lab-file.md: profiles ending in -nspawn are for the local provider only, and it takes only those.
        boolean local = "local".equals(provider);
        return Profiles.names().stream().filter(p -> p.endsWith("-nspawn") == local).toList();
    }

    @Override
    public Validation validate(String yaml, Optional<Path> source) {
        try {
            Lab lab = LabLoader.parse(yaml, source);
            List<dev.overlaylab.model.Problem> here = dev.overlaylab.model.HostFiles.problems(lab);
            return here.isEmpty() ? Validation.ok(lab) : Validation.failed(here);
        } catch (LabFileException e) {
            return Validation.failed(e.problems());
        }
    }

    @Override
    public Lab load(Path file) throws LabFileException {
        return LabLoader.load(file);
    }

    @Override
    public RenderedLab render(Lab lab) {
        try {
            return wiring.render(lab);
        } catch (dev.overlaylab.render.RenderException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public RunSummary up(Lab lab, Optional<String> fromStage, ProgressListener progress) throws InterruptedException {
        if (asRoot(lab)) {
            return privileged().up(lab, fromStage, progress);
        }
        Provider provider = registry().require(lab.provider());
        RenderedLab rendered = render(lab);
        List<Stage> stages = fromStage.map(Pipelines::upFrom).orElseGet(Pipelines::up);
        RunResult r = wiring.engine(report -> { }).run(stages, lab, rendered, provider, RunOptions.defaults(), progress);
        stopIfInterrupted();
        return new RunSummary(r.ok(), r.summary());
    }

    @Override
    public VerifyOutcome verify(Lab lab, Optional<CheckResult> only, ProgressListener progress) {
        Provider provider = registry().require(lab.provider());
        return VerifyCells.outcome(lab, wiring.verify(lab, provider, VerifyCells.selection(only), progress));
    }

    @Override
    public Diagnosis diagnose(Lab lab, ProgressListener progress) {
        return diagnosis.diagnose(lab, registry().require(lab.provider()), progress);
    }

    @Override
    public FixOutcome fix(Lab lab, boolean force, ProgressListener progress) throws InterruptedException {
        FixOutcome out = diagnosis.fix(lab, render(lab), registry().require(lab.provider()), force, progress);
        stopIfInterrupted();
        return out;
    }

    @Override
    public Optional<String> practiceUnavailable(Lab lab) {
        return EngineDiagnosis.practiceUnavailable(lab);
    }

    @Override
    public PracticeBreak practice(Lab lab) {
        return diagnosis.practice(lab, registry().require(lab.provider()));
    }

    /** Pseudo node name under which the etcd network config's difference is listed. */
    public static final String ETCD_ROW = "etcd";

    /**
     * What {@code olab diff} shows, per node, with the network config in etcd as its own row. A
     * config etcd cannot return throws (the view says so): it is never shown as "changed".
     */
    @Override
    public List<NodeDiff> diff(Lab lab) {
        Provider provider = registry().require(lab.provider());
        RenderedLab rendered = render(lab);
        LabChanges.Changes changes = wiring.changes().of(lab, provider.endpoints(lab), rendered);
        Map<String, List<FileDiff>> byNode = new LinkedHashMap<>();
        changes.config().ifPresent(c -> byNode.put(ETCD_ROW, new ArrayList<>(List.of(new FileDiff(c.key(), c.diff(),
                List.of("flanneld", "docker"))))));
        lab.nodes().forEach(n -> byNode.put(n.name(), new ArrayList<>()));
        for (LabInspector.FileDiff d : changes.differing()) {
            List<String> restarts = rendered.filesOf(d.node()).stream().filter(f -> f.path().equals(d.path()))
                    .findFirst().map(RenderedFile::restarts).orElse(List.of());
            byNode.computeIfAbsent(d.node(), k -> new ArrayList<>()).add(new FileDiff(d.path(), d.diff(), restarts));
        }
        return byNode.entrySet().stream().map(e -> new NodeDiff(e.getKey(), e.getValue())).toList();
    }

    /**
     * Pushes what differs, one component at a time in stage order (etcd, flannel, docker), each
     * restarting only the services that read a changed file. A change to the base network files
     * needs the whole (idempotent) pipeline.
     */
    @Override
    public RunSummary down(Lab lab, ProgressListener progress) throws InterruptedException {
        if (asRoot(lab)) {
            return privileged().down(lab, progress);
        }
        wiring.down(lab, registry().require(lab.provider()), progress);
        return new RunSummary(true, "lab " + lab.name() + " removed");
    }

    /**
     * {@code olab apply LAB}: pushes what differs now. The person saw the network config's diff in
     * this view and pressed Push, so a different config is replaced (the CLI asks for --force).
     */
    @Override
    public RunSummary push(Lab lab, ProgressListener progress) throws InterruptedException {
        Provider provider = registry().require(lab.provider());
        RenderedLab rendered = render(lab);
        LabChanges.Changes changes = wiring.changes().of(lab, provider.endpoints(lab), rendered);
        if (!changes.any()) {
            return new RunSummary(true, "nothing to push: every node matches the lab");
        }
        RunOptions options = RunOptions.defaults().withForce(changes.config().isPresent());
        RunResult r = wiring.engine(report -> { }).push(lab, rendered, provider, changes, options, progress);
        stopIfInterrupted();
        return new RunSummary(r.ok(), r.summary());
    }

    /** The engine reports an interrupt as a failure; Cancel must end as "cancelled", not "failed". */
    private static void stopIfInterrupted() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("cancelled");
        }
    }

    @Override
    public Optional<BaseImageNeed> missingBaseImage(String provider, String profile) {
        if (!VirtualBoxProvider.ID.equals(provider)) {
            return Optional.empty();
        }
        Optional<dev.overlaylab.model.Profile> p = Profiles.find(profile);
        if (p.isEmpty()) {
            return Optional.empty();
        }
        try {
            return images().missing(p.get().box())
                    ? Optional.of(new BaseImageNeed(profile, p.get().box(), p.get().image().map(i -> i.url())))
                    : Optional.empty();
        } catch (VirtualBoxUnavailableException | dev.overlaylab.provider.virtualbox.VBoxManageException e) {
            return Optional.empty(); // the provider step already says why VirtualBox cannot be used
        }
    }

    @Override
    public void addBaseImage(String profile, ProgressListener progress) throws Exception {
        BaseImages i = images();
        i.add(i.request(profile, Optional.empty(), Optional.empty()), progress);
    }

    private BaseImages images() {
        BaseImages i = images;
        if (i == null) {
            i = BaseImages.forThisMachine();
            images = i;
        }
        return i;
    }

    // ---- a lab's whole life: EngineLifecycle ----

    @Override
    public dev.overlaylab.compose.LabStatus status(Lab lab) {
        return life.status(lab, registry().require(lab.provider()));
    }

    @Override
    public List<dev.overlaylab.progress.ProgressEvent> plan(Lab lab) {
        return life.plan(lab, render(lab), registry().require(lab.provider()));
    }

    @Override
    public List<dev.overlaylab.provider.Removal> downPreview(Lab lab) {
        return life.downPreview(lab, registry().require(lab.provider()));
    }

    @Override
    public Optional<String> lifecycleUnavailable(Lab lab) {
        return EngineLifecycle.lifecycleUnavailable(lab);
    }

    @Override
    public void halt(Lab lab, ProgressListener progress) {
        life.halt(lab, registry().require(lab.provider()), progress);
    }

    @Override
    public void resume(Lab lab, ProgressListener progress) {
        life.resume(lab, registry().require(lab.provider()), progress);
    }

    @Override
    public Map<String, List<String>> snapshots(Lab lab) {
        return life.snapshots(lab, registry().require(lab.provider()));
    }

    @Override
    public void saveSnapshot(Lab lab, String name, ProgressListener progress) {
        life.saveSnapshot(lab, registry().require(lab.provider()), name, progress);
    }

    @Override
    public void restoreSnapshot(Lab lab, String name, ProgressListener progress) {
        life.restoreSnapshot(lab, registry().require(lab.provider()), name, progress);
    }

    @Override
    public List<String> logUnits(Lab lab, String node) {
        return life.logUnits(lab, registry().require(lab.provider()), node);
    }

    @Override
    public String journal(Lab lab, String node, String unit, int lines) {
        return life.journal(lab, registry().require(lab.provider()), node, unit, lines);
    }

    @Override
    public List<String> shellCommand(Lab lab, String node) {
        return life.shellCommand(lab, registry().require(lab.provider()), node);
    }
}
