package dev.overlaylab.provider;

import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.progress.ProgressListener;
import java.util.List;

/**
 * Where nodes come from. A provider makes the lab's nodes exist and reachable over SSH; everything
 * after that (files, services, etcd) is the same engine for every provider.
 */
public interface Provider {

    /** Provider id as written in lab files: {@code virtualbox}, {@code local}, {@code hosts}... */
    String id();

    /** Why this provider cannot be used on this machine, or empty when it can. Shown in the wizard. */
    java.util.Optional<String> unavailableReason();

    /**
     * This machine's readiness for the provider, fact by fact ({@code olab doctor}). By default the one
     * fact {@link #unavailableReason()} knows; providers override it with their own checks.
     */
    default Readiness readiness() {
        return new Readiness(id(), List.of(unavailableReason()
                .map(r -> Readiness.Fact.fail("usable here", r, "see the reason"))
                .orElse(Readiness.Fact.ok("usable here", "yes"))));
    }

    /** The commands or actions {@link #up} would perform, in order, touching nothing. */
    List<String> plan(Lab lab);

    /**
     * Creates or starts the lab's nodes (doing nothing for those already running) and waits until
     * SSH answers on each. Returns the nodes with their SSH endpoints filled in.
     */
    List<Node> up(Lab lab, ProgressListener progress);

    /** The nodes with their SSH endpoints, for a lab that is already up; no changes made. */
    List<Node> endpoints(Lab lab);

    /**
     * True when {@link #down} destroys the machines, so the SSH host keys recorded for their
     * addresses die with them (a later lab on the same address is a new machine, not an attack).
     * False for machines that outlive the lab ({@code hosts}).
     */
    default boolean downDestroysMachines() {
        return false;
    }

    /** Removes everything {@link #up} made for this lab, and nothing else. Safe after a failed up. */
    void down(Lab lab, ProgressListener progress);

    /**
     * What {@link #down} would remove now, in its order, touching nothing: the provider computes it
     * with the same code its down acts on. Empty when nothing of the lab is left.
     */
    List<Removal> downPreview(Lab lab);

    /** The lab's machines as the provider sees them, without logging in (cheap: no SSH). */
    default Machines machines(Lab lab) {
        return Machines.notOurs();
    }
}
