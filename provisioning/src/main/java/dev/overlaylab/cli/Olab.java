package dev.overlaylab.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code olab} command line. Exit codes: 0 success, 1 a run that failed, 2 bad input (lab file,
 * arguments). Each subcommand is one class in this package.
 */
@Command(name = "olab",
        mixinStandardHelpOptions = true,
        scope = CommandLine.ScopeType.INHERIT, // every subcommand answers --help too
        versionProvider = Version.class,
        description = "Builds flannel overlay-network labs: nodes, etcd, flanneld, docker, and a cross-node check.")
public final class Olab implements Runnable {

    static {
        // Logging is set up here, once, on the thread that starts olab: SLF4J initialises on first use, and first
        // used by several threads at once (parallel SSH logins, the verify pool) it queues their calls and prints
        // "A number (3) of logging calls during the initialization phase have been intercepted and are now being
        // replayed" on stderr.
        org.slf4j.LoggerFactory.getILoggerFactory();
    }

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Every subcommand by its name, in the order {@code olab --help} lists them. The names are the commands' own
     * ({@code @Command(name)}, a test holds them equal): finding the run's command by reading each class's annotation
     * cost ~30 ms of CPU at every start (async-profiler: {@code Class.getAnnotation} builds a proxy per class).
     */
    static final Map<String, Class<?>> SUBCOMMANDS = ordered(
            Map.entry("validate", ValidateCommand.class),
            Map.entry("render", RenderCommand.class),
            Map.entry("up", UpCommand.class),
            Map.entry("status", StatusCommand.class),
            Map.entry("diff", DiffCommand.class),
            Map.entry("apply", ApplyCommand.class),
            Map.entry("down", DownCommand.class),
            Map.entry("halt", HaltCommand.class),
            Map.entry("resume", ResumeCommand.class),
            Map.entry("snapshot", SnapshotCommand.class),
            Map.entry("image", ImageCommand.class),
            Map.entry("verify", VerifyCommand.class),
            Map.entry("doctor", DoctorCommand.class),
            Map.entry("diagnose", DiagnoseCommand.class),
            Map.entry("break", BreakCommand.class),
            Map.entry("setup", SetupCommand.class),
            Map.entry("kubeconfig", KubeconfigCommand.class),
            Map.entry("ssh", SshCommand.class));

    @SafeVarargs
    private static Map<String, Class<?>> ordered(Map.Entry<String, Class<?>>... entries) {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        for (Map.Entry<String, Class<?>> e : entries) {
            m.put(e.getKey(), e.getValue());
        }
        return Collections.unmodifiableMap(m);
    }

    /** Builds the command line with every subcommand and the house exit codes (bad arguments → 2). */
    public static CommandLine commandLine() {
        return commandLine(List.copyOf(SUBCOMMANDS.values()));
    }

    /**
     * The command line for these arguments: when the first one names a subcommand, only that subcommand is built.
     * picocli reads every option of every registered command by reflection before parsing (0.2 s of each run's start
     * for the 18 commands, measured in a fresh JVM at load 4; 0.12 s for one); anything else ({@code --help},
     * {@code --version}, a misspelt command) gets them all, so help and picocli's suggestions stay whole.
     */
    static CommandLine commandLine(String... args) {
        Class<?> named = args.length > 0 ? SUBCOMMANDS.get(args[0]) : null;
        return named != null ? commandLine(List.of(named)) : commandLine();
    }

    private static CommandLine commandLine(List<Class<?>> subcommands) {
        // picocli's default factory looks for Groovy's Closure class once, unless told not to (its documented
        // switch): a class that is not there is searched for in every jar of the class path, ~40 ms of each run
        System.setProperty("picocli.disable.closures", "true");
        CommandLine cl = new CommandLine(new Olab());
        subcommands.forEach(cl::addSubcommand);
        // picocli asks this mapper for parse errors too: those are bad input (2), not a failed run
        cl.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? EXIT_BAD_INPUT : EXIT_FAILED);
        cl.getCommandSpec().exitCodeOnInvalidInput(EXIT_BAD_INPUT);
        // olab ssh LAB NODE curl -s …: the remote command's options are the remote command's
        CommandLine ssh = cl.getSubcommands().get("ssh");
        if (ssh != null) {
            ssh.setStopAtPositional(true);
        }
        return cl;
    }

    public static int execute(String... args) {
        return commandLine(args).execute(args);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }
}
