package dev.overlaylab.cli;

import dev.overlaylab.diagnose.Excerpt;
import dev.overlaylab.diagnose.Finding;
import dev.overlaylab.diagnose.VerifyAndDiagnose.Outcome;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.model.Plural;
import dev.overlaylab.verify.CheckResult;
import dev.overlaylab.verify.CheckStatus;
import dev.overlaylab.verify.Evidence;
import dev.overlaylab.verify.Verifier;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The matrix for people (checks as rows, nodes and node pairs as columns; the evidence of every failure
 * below it; then the findings with cause and fix) and for programs ({@code --json}, one object).
 */
final class VerifyPrinter {
    private VerifyPrinter() {
    }

    static void text(PrintWriter out, Lab lab, Outcome o) {
        var report = o.report();
        out.printf(Locale.ROOT, "%s: %s, %s in %.1f s — %s%n", lab.name(), Plural.count(lab.nodes().size(), "node"),
                Plural.count(report.results().size(), "check"), o.elapsed().toMillis() / 1000.0,
                report.allPassed() ? "ALL PASS" : report.failures().size() + " FAILED");
        List<String> nodes = lab.nodes().stream().map(Node::name).toList();
        List<String[]> pairs = new ArrayList<>();
        for (String a : nodes) {
            for (String b : nodes) {
                // a big lab's matrix checks a sample of the pairs (PairSample): only those are columns
                if (!a.equals(b) && report.pairResults().stream().anyMatch(r -> r.node().equals(a) && r.peer().orElse("").equals(b))) {
                    pairs.add(new String[] {a, b});
                }
            }
        }
        if (!report.pairs().isEmpty()) {
            out.println("pairs: " + report.pairs());
        }
        out.println();
        table(out, "per node", nodes, Verifier.NODE_CHECKS.stream().map(c -> c.id()).toList(),
                (id, col) -> report.find(id, col));
        out.println();
        table(out, "per pair", pairs.stream().map(p -> p[0] + "→" + p[1]).toList(),
                Verifier.PAIR_CHECKS.stream().map(c -> c.id()).toList(),
                (id, col) -> report.find(id, col.substring(0, col.indexOf('→')), col.substring(col.indexOf('→') + 1)));
        if (!report.failures().isEmpty()) {
            out.println();
            out.println("Failed checks:");
            for (CheckResult r : report.failures()) {
                out.println("  " + r.where() + " " + r.id() + ": " + r.summary());
                for (Evidence e : r.evidence()) {
                    if (!e.command().isEmpty()) {
                        out.println("      $ " + e.command());
                    }
                    for (String l : e.output().split("\n")) {
                        out.println("      " + l);
                    }
                }
            }
        }
        List<CheckResult> skipped = report.results().stream().filter(r -> r.status() == CheckStatus.SKIP).toList();
        if (!skipped.isEmpty()) {
            out.println();
            out.println("Skipped:");
            skipped.forEach(r -> out.println("  " + r.where() + " " + r.id() + ": " + r.summary()));
        }
        if (!o.findings().isEmpty()) {
            out.println();
            out.println("Diagnosis:");
            findings(out, o.findings());
        }
        out.flush();
    }

    /** Each finding: [id] cause, its evidence (node $ command, then the excerpt), the fix and whether --fix applies it. */
    static void findings(PrintWriter out, List<Finding> findings) {
        for (Finding f : findings) {
            out.println("  [" + f.id() + "] " + f.cause());
            for (String e : f.evidence()) {
                e.lines().forEach(l -> out.println("      " + l));
            }
            out.println("    fix: " + f.fix());
            out.println("    " + switch (f.repair().kind()) {
                case ENGINE -> "olab diagnose --fix applies it (runs up: the lab made this)";
                case FORCE -> "olab diagnose --fix --force applies it (changes what the lab did not make)";
                case NONE -> "not applied by --fix: a person decides";
            });
        }
    }

    private interface Cell {
        Optional<CheckResult> at(String id, String column);
    }

    private static void table(PrintWriter out, String title, List<String> columns, List<String> ids, Cell cell) {
        int first = Math.max(title.length(), ids.stream().mapToInt(String::length).max().orElse(10) + 2) + 2;
        StringBuilder head = new StringBuilder(String.format("%-" + first + "s", title));
        columns.forEach(c -> head.append(String.format("%-" + Math.max(8, c.length() + 2) + "s", c)));
        out.println(head.toString().stripTrailing());
        for (String id : ids) {
            StringBuilder row = new StringBuilder(String.format("  %-" + (first - 2) + "s", id));
            boolean any = false;
            for (String c : columns) {
                Optional<CheckResult> r = cell.at(id, c);
                any |= r.isPresent();
                row.append(String.format("%-" + Math.max(8, c.length() + 2) + "s", r.map(x -> x.status() == CheckStatus.SKIP ? "skip" : x.status().name()).orElse("-")));
            }
            if (any) {
                out.println(row.toString().stripTrailing());
            }
        }
    }

    static String json(Lab lab, Outcome o) {
        return Json.write(object(lab, o));
    }

    /** The matrix, the leases and the findings as one JSON object (verify prints it, diagnose embeds it). */
    static Map<String, Object> object(Lab lab, Outcome o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lab", lab.name());
        m.put("passed", o.passed());
        m.put("elapsedMs", o.elapsed().toMillis());
        m.put("pairs", o.report().pairs());
        List<Object> checks = new ArrayList<>();
        for (CheckResult r : o.report().results()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("id", r.id());
            c.put("node", r.node());
            c.put("peer", r.peer().orElse(null));
            c.put("status", r.status().name());
            c.put("summary", r.summary());
            c.put("durationMs", r.duration().toMillis());
            List<Object> ev = new ArrayList<>();
            for (Evidence e : r.evidence()) {
                Map<String, Object> em = new LinkedHashMap<>();
                em.put("command", e.command());
                em.put("output", e.output());
                ev.add(em);
            }
            c.put("evidence", ev);
            checks.add(c);
        }
        m.put("checks", checks);
        List<Object> leases = new ArrayList<>();
        o.report().leases().forEach(l -> {
            Map<String, Object> lm = new LinkedHashMap<>();
            lm.put("subnet", l.subnet());
            lm.put("publicIp", l.publicIp());
            lm.put("backendType", l.backendType());
            leases.add(lm);
        });
        m.put("leases", leases);
        m.put("findings", findingsJson(o.findings()));
        return m;
    }

    static List<Object> findingsJson(List<Finding> list) {
        List<Object> findings = new ArrayList<>();
        for (Finding f : list) {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("id", f.id());
            fm.put("failureMode", f.failureMode().isPresent() ? (Object) f.failureMode().getAsInt() : null);
            fm.put("cause", f.cause());
            List<Object> ev = new ArrayList<>();
            for (Excerpt e : f.excerpts()) {
                Map<String, Object> em = new LinkedHashMap<>();
                em.put("node", e.node());
                em.put("command", e.command());
                em.put("excerpt", e.text());
                ev.add(em);
            }
            fm.put("evidence", ev);
            fm.put("fix", f.fix());
            fm.put("fixable", f.fixable());
            fm.put("repair", f.repair().kind().name().toLowerCase(Locale.ROOT));
            findings.add(fm);
        }
        return findings;
    }
}
