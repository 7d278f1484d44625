package dev.overlaylab.app.gui;

import dev.overlaylab.app.engine.CheckResult;
import dev.overlaylab.app.engine.Diagnosis;
import dev.overlaylab.app.engine.Diagnosis.Excerpt;
import dev.overlaylab.app.engine.Diagnosis.Item;
import dev.overlaylab.app.engine.Diagnosis.Repair;
import dev.overlaylab.app.engine.FixOutcome;
import dev.overlaylab.app.engine.LabService;
import dev.overlaylab.app.engine.NodeDiff;
import dev.overlaylab.app.engine.PracticeBreak;
import dev.overlaylab.app.engine.ProviderChoice;
import dev.overlaylab.app.engine.RunSummary;
import dev.overlaylab.app.engine.Validation;
import dev.overlaylab.app.engine.VerifyOutcome;
import dev.overlaylab.model.Lab;
import dev.overlaylab.progress.ProgressListener;
import dev.overlaylab.render.RenderedLab;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link LabService} for the Diagnose tab's tests: a two-node lab that is broken (node1's flanneld
 * down, and a firewall rule dropping the pod network on it) until fixed, and that practice breaks again.
 * Its findings, evidence and fixes are written by hand after the shape of {@code olab diagnose}'s
 * (ids and repair kinds as in FailureMode and DiagnoseAndFix), not recorded from a real lab.
 */
final class DiagnoseDouble extends LabServiceDouble {
    final List<Boolean> fixCalls = new CopyOnWriteArrayList<>();
    final List<String> practiceCalls = new CopyOnWriteArrayList<>();
    volatile int diagnoseCalls;
    volatile boolean broken = true;
    /** When set, diagnose fails with it (as the engine does when a node cannot be reached). */
    volatile RuntimeException diagnoseFails;

    static final Item FLANNELD_DOWN = new Item("flanneld-down", "flanneld is not running on node1",
            List.of(new Excerpt("node1", "systemctl show flanneld -p ActiveState,SubState,UnitFileState",
                    "ActiveState=inactive\nSubState=dead\nUnitFileState=disabled"),
                    new Excerpt("node1", "journalctl -u flanneld -p err -n 3", "-- No entries --")),
            "on node1: systemctl enable --now flanneld && systemctl restart docker (olab up does both)", Repair.FIX, List.of());
    static final Item FORWARD_DROP = new Item("forward-drop",
            "node1's FORWARD chain drops the pod network 10.1.0.0/16 before flannel's ACCEPT rules",
            List.of(new Excerpt("node1", "iptables -S FORWARD",
                    "-P FORWARD DROP\n-A FORWARD -s 10.1.0.0/16 -j DROP\n-A FORWARD -s 10.1.0.0/16 -j ACCEPT")),
            "remove the DROP rule for 10.1.0.0/16, or put an ACCEPT for the pod network before it",
            Repair.FORCE, List.of("node1: iptables -D FORWARD -s 10.1.0.0/16 -j DROP"));

    static VerifyOutcome matrix(boolean ok) {
        return new VerifyOutcome(List.of(
                new CheckResult("flanneld-active", "master", Optional.empty(), true, "active"),
                new CheckResult("flanneld-active", "node1", Optional.empty(), ok, ok ? "active" : "inactive (dead)"),
                new CheckResult("pod-ping", "master", Optional.of("node1"), ok, ok ? "3/3" : "100% packet loss"),
                new CheckResult("pod-ping", "node1", Optional.of("master"), ok, ok ? "3/3" : "100% packet loss")),
                List.of());
    }

    @Override
    public Diagnosis diagnose(Lab lab, ProgressListener progress) throws InterruptedException {
        diagnoseCalls++;
        if (diagnoseFails != null) {
            throw diagnoseFails;
        }
        Thread.sleep(150); // the engine takes seconds: the buttons must show it is busy
        return broken ? new Diagnosis(matrix(false), List.of(FLANNELD_DOWN, FORWARD_DROP)) : new Diagnosis(matrix(true), List.of());
    }

    @Override
    public FixOutcome fix(Lab lab, boolean force, ProgressListener progress) {
        fixCalls.add(force);
        broken = false;
        return new FixOutcome(List.of("flanneld node1 enable: flanneld enabled and started", "docker node1 restart: docker restarted")
                .stream().toList(), force ? List.of() : List.of("[forward-drop] on node1: iptables -D FORWARD -s 10.1.0.0/16 -j DROP"),
                List.of(), new Diagnosis(matrix(true), List.of()));
    }

    @Override
    public Optional<String> practiceUnavailable(Lab lab) {
        return lab.provider().equals("local") ? Optional.empty()
                : Optional.of("Practice breaks a lab on purpose, so it is offered only for labs that run on this computer.");
    }

    @Override
    public PracticeBreak practice(Lab lab) {
        practiceCalls.add(lab.name());
        broken = true;
        return new PracticeBreak("flanneld-down", "node1", false);
    }

    @Override
    public VerifyOutcome verify(Lab lab, Optional<CheckResult> only, ProgressListener progress) {
        return matrix(!broken);
    }
}
