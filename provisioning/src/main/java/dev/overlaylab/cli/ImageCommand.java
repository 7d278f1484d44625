package dev.overlaylab.cli;

import dev.overlaylab.provider.virtualbox.image.BaseImages;
import dev.overlaylab.provider.virtualbox.image.CachedImage;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code olab image add|list|remove}: VirtualBox base images, downloaded once into the app's cache
 * and imported as the base VM every lab of that box clones (see docs/virtualbox.md).
 */
@Command(name = "image", description = {
    "VirtualBox base images (Vagrant boxes or OVAs), downloaded once and imported as the VM labs clone."},
        subcommands = {ImageCommand.Add.class, ImageCommand.ListImages.class, ImageCommand.Remove.class})
final class ImageCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "add", description = {
        "Download (resuming an interrupted download), check and import a base image:",
        "  a profile name or its box name (ubuntu-16.04, bento/ubuntu-16.04: the profile's imageUrl and imageSha256),",
        "  an http(s) URL of a .box or .ova, or a local .box/.ova file."})
    static final class Add implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME|URL|FILE")
        String what;

        @Option(names = "--name", paramLabel = "BOX", description = "the box name profiles use for it (default: the profile's box, else the file name)")
        String name;

        @Option(names = "--sha256", paramLabel = "HEX", description = "the expected SHA-256 (default: the profile's imageSha256)")
        String sha256;

        @Option(names = "--json", description = "one JSON object per event")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return CliRun.guard(spec, () -> {
                BaseImages images = BaseImages.forThisMachine();
                var request = badInput(() -> images.request(what, Optional.ofNullable(name), Optional.ofNullable(sha256)));
                RunOutput output = new RunOutput(spec.commandLine().getOut(), json);
                CachedImage done = images.add(request, output.listener());
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    Map<String, Object> summary = new LinkedHashMap<>();
                    summary.put("type", "summary");
                    summary.put("ok", true);
                    summary.put("image", row(done, true));
                    out.println(Json.write(summary));
                } else {
                    out.println("image " + done.name() + ": VM " + done.vm() + " is ready; labs whose profile uses box "
                            + done.name() + " clone it");
                }
                out.flush();
                return Olab.EXIT_OK;
            });
        }
    }

    @Command(name = "list", description = "The images added, their base VM and where they came from.")
    static final class ListImages implements Callable<Integer> {
        @Option(names = "--json", description = "a JSON array")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return CliRun.guard(spec, () -> {
                BaseImages images = BaseImages.forThisMachine();
                List<BaseImages.Listed> all = images.list();
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    out.println(Json.write(all.stream().map(l -> row(l.image(), l.registered())).toList()));
                } else if (all.isEmpty()) {
                    out.println("no images yet (cache: " + images.cacheRoot() + "); 'olab image add ubuntu-16.04' gets the seeds' one");
                } else {
                    for (BaseImages.Listed l : all) {
                        out.printf("%-28s %-36s %s%n", l.image().name(),
                                l.image().vm() + (l.registered() ? "" : " (VM missing: add it again)"), l.image().source());
                    }
                }
                out.flush();
                return Olab.EXIT_OK;
            });
        }
    }

    @Command(name = "remove", description = "Unregister and delete an image's base VM and its cached download.")
    static final class Remove implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME", description = "the box name, as 'olab image list' shows it")
        String name;

        @Option(names = "--json", description = "one JSON object per event")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return CliRun.guard(spec, () -> {
                RunOutput output = new RunOutput(spec.commandLine().getOut(), json);
                BaseImages.forThisMachine().remove(name, output.listener());
                return LifecycleOutput.done(spec, json, "image remove " + name);
            });
        }
    }

    private static Map<String, Object> row(CachedImage i, boolean registered) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", i.name());
        m.put("vm", i.vm());
        m.put("registered", registered);
        m.put("source", i.source());
        m.put("sha256", i.sha256());
        m.put("file", i.file().map(Object::toString).orElse(""));
        return m;
    }

    /** An argument that names nothing usable is bad input (exit 2), not a failed run. */
    private static <T> T badInput(Supplier<T> s) {
        try {
            return s.get();
        } catch (IllegalArgumentException e) {
            throw new BadInput(e.getMessage());
        }
    }
}
