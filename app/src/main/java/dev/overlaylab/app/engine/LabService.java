package dev.overlaylab.app.engine;

import dev.overlaylab.model.Lab;
import dev.overlaylab.model.LabFileException;
import dev.overlaylab.progress.ProgressListener;
import dev.overlaylab.render.RenderedLab;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything the desktop app asks of the headless engine, in one narrow interface. Every method may
 * block: call it from a worker thread, never from the event thread. Long methods honour thread
 * interruption (Cancel) by throwing {@link InterruptedException}.
 */
public interface LabService {

    /** Every provider the app knows, usable or not (with the reason). */
    List<ProviderChoice> providers();

    /** This machine's readiness per provider ({@code olab doctor}); slow (runs VBoxManage): call off the event thread. */
    default List<dev.overlaylab.provider.Readiness> readiness() {
        return List.of();
    }

    /**
     * For a provider that needs root which this app does not have (the local provider, run as a
     * normal user): what needs root and how the app gets it ({@link RootAccess}), for the wizard to
     * say before its last step. Empty when nothing needs saying.
     */
    default Optional<String> rootNote(String provider) {
        return Optional.empty();
    }

    /**
     * Logs on to a VirtualBox web service ({@code virtualbox-ws}) and says what runs there, e.g.
     * "VirtualBox 7.2.22_Debian (API 7_2)"; throws with the cause when it cannot. Slow: off the event thread.
     */
    default String testServer(String url, String user) {
        throw new UnsupportedOperationException("no VirtualBox web service support in this build");
    }

    /**
     * The wizard's Test connection for one existing machine ({@code hosts}): logs in as the lab will
     * (the endpoint as the lab file will have it; an empty key means the lab's own key, used only once
     * it has been made) and asks {@code sudo -n true}. Throws the ssh layer's typed exceptions
     * ({@link SshCheckWords} says them in people's words). At most ~10 s: off the event thread.
     */
    default dev.overlaylab.provider.hosts.ConnectionCheck.Result testSsh(String labName, String node,
            dev.overlaylab.model.SshEndpoint endpoint) throws InterruptedException {
        throw new UnsupportedOperationException("testing an SSH connection is not part of this build");
    }

    /** Guest OS profile names the given provider can use (the wizard's choices). */
    List<String> profiles(String provider);

    /** Parses and validates lab-file text; every problem carries its field path. */
    Validation validate(String yaml, Optional<Path> source);

    /** Loads and validates a lab file from disk. */
    Lab load(Path file) throws LabFileException;

    /** Every file each node gets, rendered in memory. */
    RenderedLab render(Lab lab);

    /**
     * Brings the lab up (nodes, base, etcd, network config, flanneld, docker), starting at
     * {@code fromStage} (empty: from the start; earlier stages are still checked by the engine's
     * idempotent steps).
     */
    RunSummary up(Lab lab, Optional<String> fromStage, ProgressListener progress) throws Exception;

    /**
     * Runs the verification matrix; with {@code only}, answers just that cell (re-run one check).
     */
    VerifyOutcome verify(Lab lab, Optional<CheckResult> only, ProgressListener progress)
            throws Exception;

    /** Rendered vs live files per node. */
    List<NodeDiff> diff(Lab lab) throws Exception;

    /** Removes everything {@code up} made for this lab, and nothing else. */
    RunSummary down(Lab lab, ProgressListener progress) throws Exception;

    /** Pushes changed files and restarts only the units that read them, in stage order. */
    RunSummary push(Lab lab, ProgressListener progress) throws Exception;

    /**
     * The base image a lab of this provider and profile needs and this machine does not have yet
     * (VirtualBox: no imported base VM, .ova/.box file, Vagrant box or VM of the profile's box);
     * empty when it is there, or when the provider needs none or cannot be asked.
     */
    default Optional<BaseImageNeed> missingBaseImage(String provider, String profile) {
        return Optional.empty();
    }

    /**
     * Downloads, checks and imports the profile's base image ({@code olab image add PROFILE});
     * progress arrives as engine events (download percent: {@code DownloadProgress}).
     */
    default void addBaseImage(String profile, ProgressListener progress) throws Exception {
        throw new UnsupportedOperationException("base images cannot be added in this build");
    }

    /**
     * {@code olab diagnose}: evidence from every node, the matrix, and the root causes by stable id.
     */
    default Diagnosis diagnose(Lab lab, ProgressListener progress) throws Exception {
        throw new UnsupportedOperationException("diagnosis is not part of this build");
    }

    /**
     * {@code olab diagnose --fix}: diagnoses, applies what may be applied, diagnoses again. With
     * {@code force} ({@code --force}) it also changes what the lab did not make (firewall rules, sysctl settings).
     */
    default FixOutcome fix(Lab lab, boolean force, ProgressListener progress) throws Exception {
        throw new UnsupportedOperationException("fixing is not part of this build");
    }

    /** Why practice mode cannot break this lab, in a person's words; empty when it can. Cheap. */
    default Optional<String> practiceUnavailable(Lab lab) {
        return Optional.of("practice mode is not part of this build.");
    }

    /** {@code olab break LAB random}: misconfigures one node of a healthy local lab and says (only to the caller) how. */
    default PracticeBreak practice(Lab lab) throws Exception {
        throw new UnsupportedOperationException("practice mode is not part of this build");
    }

    // ---- a lab's whole life (the lab list, Plan, Down, Halt/Resume/Snapshots, node logs and shells) ----

    /** The lab's state now: not created, up, broken or halted ({@code olab status}'s verdict). Slow: SSH to each node. */
    default dev.overlaylab.compose.LabStatus status(Lab lab) throws Exception {
        throw new UnsupportedOperationException("lab state is not part of this build");
    }

    /** {@code olab up --dry-run}: the engine's plan, as its PLANNED events in order; touches nothing. */
    default List<dev.overlaylab.progress.ProgressEvent> plan(Lab lab) throws Exception {
        throw new UnsupportedOperationException("the plan is not part of this build");
    }

    /** What {@link #down} would remove now, from the same plan down acts on. */
    default List<dev.overlaylab.provider.Removal> downPreview(Lab lab) throws Exception {
        throw new UnsupportedOperationException("the down preview is not part of this build");
    }

    /** Why this lab has no halt, resume or snapshots, in a person's words; empty when it has. Cheap. */
    default Optional<String> lifecycleUnavailable(Lab lab) {
        return Optional.of("halting and snapshots are not part of this build.");
    }

    /** {@code olab halt}: shuts the lab's machines down, keeping their disks. */
    default void halt(Lab lab, ProgressListener progress) throws Exception {
        throw new UnsupportedOperationException("halt is not part of this build");
    }

    /** {@code olab resume}: starts halted machines and waits until each answers SSH. */
    default void resume(Lab lab, ProgressListener progress) throws Exception {
        throw new UnsupportedOperationException("resume is not part of this build");
    }

    /** Node name → its machine's snapshot names ({@code olab snapshot list}). */
    default java.util.Map<String, List<String>> snapshots(Lab lab) throws Exception {
        throw new UnsupportedOperationException("snapshots are not part of this build");
    }

    /** {@code olab snapshot save LAB NAME}. */
    default void saveSnapshot(Lab lab, String name, ProgressListener progress) throws Exception {
        throw new UnsupportedOperationException("snapshots are not part of this build");
    }

    /** {@code olab snapshot restore LAB NAME}: every machine must be off and have it. */
    default void restoreSnapshot(Lab lab, String name, ProgressListener progress) throws Exception {
        throw new UnsupportedOperationException("snapshots are not part of this build");
    }

    /** The services whose logs a node has: etcd where it runs, flanneld, docker, and its kube* units. */
    default List<String> logUnits(Lab lab, String node) throws Exception {
        throw new UnsupportedOperationException("node logs are not part of this build");
    }

    /** The last {@code lines} lines of {@code unit}'s journal on {@code node}. */
    default String journal(Lab lab, String node, String unit, int lines) throws Exception {
        throw new UnsupportedOperationException("node logs are not part of this build");
    }

    /** The ssh command line that opens a shell on {@code node} as the engine reaches it. */
    default List<String> shellCommand(Lab lab, String node) throws Exception {
        throw new UnsupportedOperationException("node shells are not part of this build");
    }
}
