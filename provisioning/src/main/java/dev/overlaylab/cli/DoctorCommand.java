package dev.overlaylab.cli;

import dev.overlaylab.model.Lab;
import dev.overlaylab.provider.Doctor;
import dev.overlaylab.provider.vboxws.VBoxWsProvider;
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
    "Check this machine for each provider (local, virtualbox, hosts, virtualbox-ws): one line per fact, ok / warn / FAIL,",
    "and under each warning or failure the fix. Changes nothing. With a virtualbox-ws LAB, its server is checked",
    "(reachable, login, VirtualBox and API version).",
    "Exit 0 when every provider checked is ready (no FAIL), 1 otherwise."})
final class DoctorCommand implements Callable<Integer> {
    @Option(names = "--json", description = "one JSON object: ready, and per provider its facts")
    boolean json;

    @Option(names = "--provider", split = ",", paramLabel = "ID", description = "check only these providers (e.g. virtualbox)")
    List<String> only = new ArrayList<>();

    @CommandLine.Parameters(arity = "0..1", paramLabel = "LAB", description = "a virtualbox-ws lab whose server to check")
    java.nio.file.Path labFile;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return CliRun.guard(spec, () -> {
            var providers = Cli.wiring().providers();
            List<Readiness> report = new ArrayList<>(Doctor.check(providers, only));
            if (report.isEmpty()) {
                throw new BadInput("olab doctor: no provider named " + String.join(", ", only)
                        + "; known: local, virtualbox, hosts, virtualbox-ws");
            }
            if (labFile != null) {
                Lab lab = LabInput.load(labFile);
                if (lab.server().isPresent() && providers.get(VBoxWsProvider.ID).orElse(null) instanceof VBoxWsProvider ws) {
                    report.replaceAll(r -> r.provider().equals(VBoxWsProvider.ID) ? ws.readiness(lab.server().get()) : r);
                }
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
