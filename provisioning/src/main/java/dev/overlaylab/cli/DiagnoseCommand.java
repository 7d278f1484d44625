package dev.overlaylab.cli;

import dev.overlaylab.compose.DiagnoseAndFix;
import dev.overlaylab.compose.DiagnoseAndFix.Applied;
import dev.overlaylab.compose.DiagnoseAndFix.FixReport;
import dev.overlaylab.diagnose.VerifyAndDiagnose.Outcome;
import dev.overlaylab.engine.Failure;
import dev.overlaylab.progress.ProgressEvent;
import dev.overlaylab.progress.ProgressListener;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code olab diagnose LAB [--json] [--fix [--force]]}: the root cause of what fails, by stable id, and its repair. */
@Command(name = "diagnose", description = {
    "Name the root cause of a broken lab: evidence from every node (units, command lines, flanneld's journal, ip_forward, iptables in order, links, routes, sockets, etcd through both APIs, subnet.env) and the verification matrix, judged by the rules of the failure-mode table.",
    "Each finding: a stable id (nat-iface … ip-forward-off, or unexplained), the cause, the evidence, the fix, and whether --fix applies it.",
    "Exit 0 when healthy, 1 with findings, 2 for a bad lab file."})
final class DiagnoseCommand extends LabCommand {
    @Option(names = "--json", description = "one JSON object: checks, leases, findings (and what --fix did)")
    boolean json;

    @Option(names = "--fix", description = "apply the safe fixes through the normal engine (up), then diagnose again")
    boolean fix;

    @Option(names = "--force", description = "with --fix: also change what the lab did not make (firewall rules, sysctl settings)")
    boolean force;

    @Override
    int run() throws Exception {
        if (force && !fix) {
            throw new BadInput("--force only goes with --fix");
        }
        LabInput in = LabInput.open(lab);
        DiagnoseAndFix d = new DiagnoseAndFix(in.wiring().shells(), in.wiring().etcdPorts(), in.wiring().engine(report -> { }));
        Outcome before = d.diagnose(in.lab(), in.provider(), ProgressListener.NONE);
        PrintWriter out = out();
        if (!fix || before.findings().isEmpty()) {
            print(out, in, before, null);
            return before.passed() ? Olab.EXIT_OK : Olab.EXIT_FAILED;
        }
        List<String> changes = new ArrayList<>();
        ProgressListener changed = e -> {
            if (e.status() == ProgressEvent.Status.CHANGED) {
                changes.add(e.stage() + (e.node().isEmpty() ? "" : " " + e.node()) + " " + e.step() + ": " + e.message());
            }
        };
        FixReport r = d.fix(in.lab(), in.rendered(), in.provider(), before.findings(), force, changed);
        print(out, in, before, new Fixed(r, changes));
        return r.after().passed() ? Olab.EXIT_OK : Olab.EXIT_FAILED;
    }

    private record Fixed(FixReport report, List<String> changes) {
    }

    private void print(PrintWriter out, LabInput in, Outcome before, Fixed fixed) {
        if (json) {
            Map<String, Object> m = VerifyPrinter.object(in.lab(), before);
            if (fixed != null) {
                Map<String, Object> f = new LinkedHashMap<>();
                List<Object> applied = new ArrayList<>();
                for (Applied a : fixed.report().applied()) {
                    applied.add(new LinkedHashMap<>(Map.of("node", a.node(), "command", a.command(), "exitCode", a.result().exitCode(),
                            "output", (a.result().stdout() + a.result().stderr()).strip())));
                }
                f.put("applied", applied);
                f.put("heldBack", new ArrayList<Object>(fixed.report().heldBack()));
                f.put("upChanged", new ArrayList<Object>(fixed.changes()));
                f.put("upFailures", fixed.report().up().map(u -> u.failures().stream().map(x -> (Object) x.describe()).toList())
                        .orElse(List.of()));
                f.put("after", VerifyPrinter.object(in.lab(), fixed.report().after()));
                m.put("fix", f);
            }
            out.println(Json.write(m));
            out.flush();
            return;
        }
        summary(out, in, "", before);
        if (fixed == null) {
            out.flush();
            return;
        }
        FixReport r = fixed.report();
        out.println();
        out.println("Fix:");
        for (Applied a : r.applied()) {
            out.println("  " + a.node() + " $ " + a.command() + (a.result().ok() ? "  (done)" : "  (FAILED, exit " + a.result().exitCode()
                    + ": " + (a.result().stdout() + a.result().stderr()).strip() + ")"));
        }
        r.up().ifPresent(u -> {
            out.println("  olab up: " + u.summary());
            fixed.changes().forEach(c -> out.println("    changed: " + c));
            for (Failure f : u.failures()) {
                out.println("    failed: " + f.describe().lines().findFirst().orElse(""));
            }
        });
        if (!r.heldBack().isEmpty()) {
            out.println("  not applied (the lab did not make these; add --force to apply them):");
            r.heldBack().forEach(h -> out.println("    " + h));
        }
        if (r.applied().isEmpty() && r.up().isEmpty() && r.heldBack().isEmpty()) {
            out.println("  nothing --fix can apply: every finding needs a person's decision");
        }
        out.println();
        summary(out, in, "after the fix: ", r.after());
        out.flush();
    }

    private static void summary(PrintWriter out, LabInput in, String prefix, Outcome o) {
        var report = o.report();
        out.printf("%s%s: %d checks in %.1f s — %s%n", prefix, in.lab().name(), report.results().size(), o.elapsed().toMillis() / 1000.0,
                report.allPassed() ? "healthy, no findings" : report.failures().size() + " failed, "
                        + o.findings().size() + (o.findings().size() == 1 ? " finding" : " findings"));
        if (!report.allPassed()) {
            out.println("  failed: " + String.join(", ", report.failures().stream().map(c -> c.where() + " " + c.id()).toList()));
            out.println();
            VerifyPrinter.findings(out, o.findings());
        }
    }
}
