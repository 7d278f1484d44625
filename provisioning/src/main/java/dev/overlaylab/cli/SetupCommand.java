package dev.overlaylab.cli;

import dev.overlaylab.exec.ProcessRunner;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code olab setup local [--yes]}: installs what the local provider needs, after asking
 * ({@code setup/local.sh}: Debian packages, flanneld built with Go). From a source checkout
 * {@code ./olab setup local} runs the script itself; this is the same for the installed package,
 * which carries the script and the flanneld build module in {@code lib/setup} of its app image.
 */
@Command(name = "setup", description = {
    "Install what a provider needs on this machine, after asking: 'olab setup local' (run it with sudo).",
    "local: systemd-container, debootstrap, iproute2, iptables, openssh-client from Debian, and flanneld v0.28.9 built with Go 1.25+."})
final class SetupCommand implements java.util.concurrent.Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "WHAT", description = "what to set up: local")
    String what;

    @Option(names = {"--yes", "-y"}, description = "do not ask (for scripts)")
    boolean yes;

    @Override
    public Integer call() {
        return CliRun.guard(spec, this::run);
    }

    private int run() {
        if (!"local".equals(what)) {
            throw new BadInput("olab setup: only 'local' can be set up (VirtualBox comes from virtualbox.org, hosts need only SSH)");
        }
        Path script = scripts().map(d -> d.resolve("local.sh")).filter(Files::isRegularFile).orElseThrow(() -> new IllegalStateException(
                "this olab carries no setup script (lib/setup/local.sh of the installed package, setup/local.sh of a source"
                        + " checkout)\n  fix: install the packages by hand: sudo apt-get install systemd-container debootstrap"
                        + " iproute2 iptables openssh-client; flanneld: see docs/local-provider.md"));
        List<String> argv = new ArrayList<>(List.of("bash", script.toString()));
        if (yes) {
            argv.add("--yes");
        }
        // the script's messages name the command as the person typed it, and the examples that came with it
        Path examples = script.getParent().resolveSibling("examples");
        return new ProcessRunner().attached(argv, Map.of("OLAB_SETUP_AS", "olab",
                "OLAB_EXAMPLES", Files.isDirectory(examples) ? examples.toString() : "examples"));
    }

    /**
     * Where the setup scripts are: {@code lib/setup} beside the packaged app's launcher
     * ({@code jpackage.app-path}, .../bin/overlay-lab), else {@code setup/} of the source tree the
     * jar was built in (app/target/dist/overlay-lab.jar).
     */
    static Optional<Path> scripts() {
        String app = System.getProperty("jpackage.app-path", "");
        if (!app.isBlank()) {
            return Optional.of(Path.of(app).toAbsolutePath().getParent().resolveSibling("lib").resolve("setup"));
        }
        try {
            Path jar = Path.of(SetupCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = jar.getParent(); p != null; p = p.getParent()) {
                if (Files.isRegularFile(p.resolve("setup/local.sh"))) {
                    return Optional.of(p.resolve("setup"));
                }
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // no code source: nothing to find
        }
        return Optional.empty();
    }
}
