package dev.overlaylab.engine.steps;

import dev.overlaylab.exec.Commands;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.model.Plural;
import dev.overlaylab.model.Profiles;
import dev.overlaylab.engine.Step;
import dev.overlaylab.engine.StepContext;
import dev.overlaylab.engine.StepResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The profile's packages (docker, etcd, iptables...), installed with apt only when dpkg says some
 * are missing. etcd packages go only to the nodes that run an etcd member: elsewhere the package
 * would start an etcd nobody uses.
 */
public final class PackagesStep implements Step {
    static final Duration INSTALL_LIMIT = Duration.ofMinutes(15);

    @Override
    public String name() {
        return "packages";
    }

    static List<String> wanted(Lab lab, Node node) {
        boolean etcdNode = lab.etcdNodes().stream().anyMatch(n -> n.name().equals(node.name()));
        return Profiles.of(lab).packages().stream().filter(p -> etcdNode || !p.startsWith("etcd")).toList();
    }

    @Override
    public List<String> plan(StepContext ctx) {
        List<String> want = wanted(ctx.lab(), ctx.node());
        return want.isEmpty() ? List.of("no packages in profile " + ctx.lab().profile())
                : List.of("apt-get install the missing ones of: " + String.join(" ", want));
    }

    @Override
    public StepResult apply(StepContext ctx) {
        List<String> want = wanted(ctx.lab(), ctx.node());
        if (want.isEmpty()) {
            return StepResult.skipped("no packages in profile " + ctx.lab().profile());
        }
        String names = String.join(" ", want.stream().map(Commands::quote).toList());
        // dpkg-query exits 1 when a package is unknown to dpkg: the listing on stdout is what counts
        String listing = ctx.probe("dpkg-query -W -f='${Package} ${Status}\\n' " + names + " 2>/dev/null").stdout();
        Set<String> installed = new HashSet<>();
        for (String line : listing.split("\n")) {
            String[] w = line.strip().split("\\s+", 2);
            if (w.length == 2 && w[1].endsWith("install ok installed")) {
                installed.add(w[0].replaceAll(":.*$", ""));
            }
        }
        List<String> missing = new ArrayList<>(want.stream().filter(p -> !installed.contains(p)).toList());
        if (missing.isEmpty()) {
            return StepResult.unchanged(Plural.count(want.size(), "package") + " installed");
        }
        String m = String.join(" ", missing.stream().map(Commands::quote).toList());
        String install = "DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends " + m;
        ctx.progress("installing " + String.join(" ", missing));
        // a fresh image has no package lists yet: update only when the first try needs it
        ctx.run(install + " || { apt-get update -q && " + install + "; }", INSTALL_LIMIT,
                "installing packages failed", "check the node reaches its package mirror (apt-get update on " + ctx.node().name() + ")");
        return StepResult.changed("installed " + String.join(" ", missing));
    }
}
