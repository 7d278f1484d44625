package dev.overlaylab.cli;

import dev.overlaylab.provider.Doctor;
import dev.overlaylab.provider.Readiness;
import dev.overlaylab.provider.Readiness.Fact;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code olab doctor}: this machine's readiness per provider, one line per fact, each failure with its fix. */
@Command(name = "doctor", description = {
    "Check this machine for each provider (local, virtualbox, hosts): one line per fact, ok / warn / FAIL,",
    "and under each warning or failure the fix. Changes nothing.",
    "Exit 0 when every provider checked is ready (no FAIL), 1 otherwise."})
final class DoctorCommand implements Callable<Integer> {
    @Option(names = "--json", description = "one JSON object: ready, and per provider its facts")
    boolean json;

    @Option(names = "--provider", split = ",", paramLabel = "ID", description = "check only these providers (e.g. virtualbox)")
    List<String> only = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return CliRun.guard(spec, () -> {
            List<Readiness> report = Doctor.check(Cli.wiring().providers(), only);
            if (report.isEmpty()) {
                throw new BadInput("olab doctor: no provider named " + String.join(", ", only)
                        + "; known: local, virtualbox, hosts");
            }
            PrintWriter out = spec.commandLine().getOut();
            out.print(json ? Json.write(asMap(report)) + "\n" : text(report));
            out.flush();
            return Doctor.ready(report) ? Olab.EXIT_OK : Olab.EXIT_FAILED;
        });
    }

    static String text(List<Readiness> report) {
        StringBuilder sb = new StringBuilder();
        for (Readiness r : report) {
            sb.append(r.provider()).append(": ").append(r.ready() ? "ready" : "NOT READY").append('\n');
            for (Fact f : r.facts()) {
                String level = switch (f.level()) {
                    case OK -> "ok";
                    case WARN -> "warn";
                    case FAIL -> "FAIL";
                };
                sb.append(String.format("  %-5s %-26s %s%n", level, f.name(), f.detail()));
                if (!f.fix().isEmpty()) {
                    sb.append(String.format("  %-5s %-26s fix: %s%n", "", "", f.fix()));
                }
            }
            sb.append('\n');
        }
        sb.append(Doctor.ready(report) ? "ready" : "not ready: " + String.join(", ", report.stream().filter(r -> !r.ready())
                .map(Readiness::provider).toList()) + " (each FAIL above says its fix)").append('\n');
        return sb.toString();
    }

    private static Map<String, Object> asMap(List<Readiness> report) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ready", Doctor.ready(report));
        List<Object> providers = new ArrayList<>();
        for (Readiness r : report) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("provider", r.provider());
            p.put("ready", r.ready());
            List<Object> facts = new ArrayList<>();
            for (Fact f : r.facts()) {
                Map<String, Object> fm = new LinkedHashMap<>();
                fm.put("name", f.name());
                fm.put("level", f.level().name().toLowerCase(Locale.ROOT));
                fm.put("detail", f.detail());
                fm.put("fix", f.fix());
                facts.add(fm);
            }
            p.put("facts", facts);
            providers.add(p);
        }
        m.put("providers", providers);
        return m;
    }
}
