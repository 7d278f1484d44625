package dev.overlaylab.provider.local;

import dev.overlaylab.exec.ProcessRunner;
import dev.overlaylab.model.Lab;
import dev.overlaylab.compose.Wiring;
import dev.overlaylab.engine.Engine;
import dev.overlaylab.progress.ProgressEvent;
import dev.overlaylab.progress.ProgressListener;
import dev.overlaylab.ssh.NodeShellFactory;
import dev.overlaylab.ssh.HostKeyListener;
import dev.overlaylab.ssh.KnownHostsStore;
import dev.overlaylab.ssh.LabKeys;
import dev.overlaylab.ssh.SshConnector;
import dev.overlaylab.ssh.SshTimeouts;
import dev.overlaylab.testsupport.Prereq;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What every end-to-end test on real nspawn nodes starts from: the prerequisites checked, the real
 * local provider, the product's SSH layer with a test-owned key and known_hosts, and the engine with
 * the production etcd transport ({@link Wiring#ETCD}).
 */
record LocalLabRig(LocalProvider provider, NodeShellFactory shells, Engine engine, LocalNames names) {
    static final String FLANNELD = "/var/cache/overlay-lab/flannel/flanneld-v0.28.9";

    /** Skips (fails in CI) without root, systemd-nspawn or the cached flanneld; keys and known_hosts go under {@code tmp}. */
    static LocalLabRig open(Lab lab, Path tmp) {
        Prereq.requireRoot();
        Prereq.requireProgram("systemd-nspawn");
        Prereq.require(Files.isExecutable(Path.of(FLANNELD)), "needs " + FLANNELD + " (sudo ./olab setup local builds it)");
        LabKeys keys = LabKeys.in(tmp.resolve("keys"), "overlay-lab:" + lab.name());
        LocalProvider provider = new LocalProvider(new ProcessRunner(), LocalProvider.DEFAULT_STATE_ROOT,
                LocalProvider.DEFAULT_CACHE_ROOT, RootfsSpec.DEFAULT, name -> keys);
        Prereq.require(provider.unavailableReason().isEmpty(), provider.unavailableReason().orElse(""));
        SshConnector ssh = new SshConnector(new KnownHostsStore(tmp.resolve("known_hosts")), keys, HostKeyListener.NONE,
                SshTimeouts.defaults());
        NodeShellFactory shells = (l, node) -> ssh.connect(node.name(), node.ssh());
        return new LocalLabRig(provider, shells, new Engine(shells, Wiring.ETCD.ports(), null), provider.names(lab));
    }

    /** Prints each finished step, for the test's output. */
    static ProgressListener finishedSteps() {
        return e -> {
            if (e.status() != ProgressEvent.Status.STARTED) {
                System.out.println("[" + e.stage() + "/" + e.status() + "] " + e.node() + " " + e.step() + ": " + e.message());
            }
        };
    }
}
