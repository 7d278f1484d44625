package dev.overlaylab.provider.virtualbox;

import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.model.Profile;
import dev.overlaylab.model.SshEndpoint;
import dev.overlaylab.progress.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Waits, for all nodes at once, until each answers with an SSH banner on its forwarded port, then
 * hands each to {@link GuestLogin} for the first login and the lab key.
 */
final class SshReadiness {
    private final VirtualBoxContext ctx;
    private final Lab lab;
    private final Profile profile;

    SshReadiness(VirtualBoxContext ctx, Lab lab, Profile profile) {
        this.ctx = ctx;
        this.lab = lab;
        this.profile = profile;
    }

    /** How a node is reached: 127.0.0.1:port as the profile's user, with the box's key until the lab key is in. */
    static SshEndpoint endpoint(VirtualBoxContext ctx, Profile profile, int port) {
        boolean labKey = ctx.login() != GuestLogin.NOT_WIRED;
        Optional<String> key = labKey ? Optional.empty() : ctx.settings().bootstrapKey().map(Object::toString);
        return new SshEndpoint("127.0.0.1", port, profile.user(), key, !"root".equals(profile.user()));
    }

    List<Node> awaitAll(List<Integer> ports, ProgressListener progress) {
        List<Node> nodes = lab.nodes();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, nodes.size()), r -> {
            Thread t = new Thread(r, "olab-vbox-ssh-wait");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Optional<String>>> waits = new ArrayList<>();
            for (int i = 0; i < nodes.size(); i++) {
                Node n = nodes.get(i);
                int port = ports.get(i);
                waits.add(pool.submit(() -> ctx.sshWait().await("127.0.0.1", port, ctx.settings().bootTimeout(),
                        NodeMachine.STAGE, n.name(), progress)));
            }
            List<String> late = new ArrayList<>();
            for (int i = 0; i < nodes.size(); i++) {
                if (get(waits.get(i)).isEmpty()) {
                    late.add(nodes.get(i).name() + " (VM " + VirtualBoxContext.vmName(lab, nodes.get(i)) + ", 127.0.0.1:"
                            + ports.get(i) + ")");
                }
            }
            if (!late.isEmpty()) {
                throw new IllegalStateException("no SSH answer within " + ctx.settings().bootTimeout().toSeconds() + " s from "
                        + String.join(", ", late) + ".\n  evidence: the VM runs but sshd never sent its banner on the forwarded port."
                        + "\n  fix: open the VM in the VirtualBox window to see where boot stopped; check that the box starts sshd"
                        + " and that NIC1 is NAT ('VBoxManage showvminfo VM --machinereadable' shows nic1=\"nat\" and the Forwarding line).");
            }
        } finally {
            pool.shutdownNow();
        }
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            SshEndpoint box = endpoint(ctx, profile, ports.get(i));
            SshEndpoint ep = ctx.login().installLabKey(lab, n, box, progress);
            out.add(new Node(n.name(), n.ip(), n.role(), ep));
        }
        return out;
    }

    private static Optional<String> get(Future<Optional<String>> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException("waiting for SSH failed: " + e.getCause(), e.getCause());
        }
    }
}
