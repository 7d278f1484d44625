package dev.overlaylab.cli;

import dev.overlaylab.compose.Practice;
import dev.overlaylab.diagnose.PracticeFault;
import dev.overlaylab.exec.ExecResult;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code olab break LAB FAULT}: practice mode — misconfigure a healthy local lab the way people do by hand. */
@Command(name = "break", description = {
    "Practice: misconfigure a healthy local lab the way people do by hand, then find the cause with olab verify / olab diagnose.",
    "FAULT is one of ip-forward-off, forward-drop, flanneld-down, docker-before-flannel, backend-port-blocked, mtu-mismatch, or random (which does not say which).",
    "What was done is recorded on the node in " + PracticeFault.LOG + "; olab diagnose LAB --fix (--force for ip-forward-off, forward-drop, backend-port-blocked) repairs it.",
    "Exit 0 when broken as asked, 1 when the command failed on the node, 2 for a bad lab file, an unknown fault or a lab that is not local."})
final class BreakCommand extends LabCommand {
    @Parameters(index = "1", paramLabel = "FAULT", description = "the fault's id, or random")
    String fault;

    @Option(names = "--node", description = "the node to break (default: the last node)")
    String node;

    @Override
    int run() throws Exception {
        LabInput in = LabInput.open(lab);
        Practice.unavailable(in.lab()).ifPresent(why -> {
            throw new BadInput(lab + ": " + why + "; on VirtualBox or real hosts, break things by hand");
        });
        List<PracticeFault> offered = Practice.offered(in.lab());
        boolean secret = fault.equals("random");
        PracticeFault f = secret ? Practice.random(in.lab())
                : PracticeFault.of(fault).filter(offered::contains).orElseThrow(() -> new BadInput("unknown fault " + fault
                        + " for this lab; one of: " + String.join(", ", offered.stream().map(PracticeFault::id).toList()) + ", random"));
        Practice.Broken broken;
        try {
            broken = in.wiring().practice().breakOne(in.lab(), in.provider(), f, java.util.Optional.ofNullable(node));
        } catch (IllegalArgumentException e) {
            throw new BadInput(e.getMessage());
        }
        String target = broken.node();
        ExecResult r = broken.result();
        PrintWriter out = out();
        if (!r.ok()) {
            out.println(target + ": breaking " + f.id() + " failed (exit " + r.exitCode() + "): " + (r.stdout() + r.stderr()).strip());
            out.flush();
            return Olab.EXIT_FAILED;
        }
        out.println(secret ? "broke one thing on " + target + " (which: see " + PracticeFault.LOG + " there, once you have a guess)"
                : "broke " + f.id() + " on " + target + " (recorded in " + PracticeFault.LOG + ")");
        out.println("look:   olab verify " + lab + "   then   olab diagnose " + lab);
        out.println("repair: olab diagnose " + lab + " --fix" + (secret ? " [--force]" : f.needsForce() ? " --force" : "")
                + (!secret && !f.needsForce() ? "   (or olab up " + lab + ")" : ""));
        out.flush();
        return Olab.EXIT_OK;
    }
}
