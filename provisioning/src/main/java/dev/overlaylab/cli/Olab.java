package dev.overlaylab.cli;

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
        description = "Builds flannel overlay-network labs: nodes, etcd, flanneld, docker, and a cross-node check.",
        subcommands = {
            ValidateCommand.class,
            RenderCommand.class,
            UpCommand.class,
            StatusCommand.class,
            DiffCommand.class,
            ApplyCommand.class,
            DownCommand.class,
            HaltCommand.class,
            ResumeCommand.class,
            SnapshotCommand.class,
            ImageCommand.class,
            VerifyCommand.class,
            DoctorCommand.class,
            DiagnoseCommand.class,
            BreakCommand.class,
            SetupCommand.class,
            KubeconfigCommand.class,
            SshCommand.class,
        })
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

    /** Builds the command line with the house exit codes (bad arguments → 2). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Olab());
        // picocli asks this mapper for parse errors too: those are bad input (2), not a failed run
        cl.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? EXIT_BAD_INPUT : EXIT_FAILED);
        cl.getCommandSpec().exitCodeOnInvalidInput(EXIT_BAD_INPUT);
        // olab ssh LAB NODE curl -s …: the remote command's options are the remote command's
        cl.getSubcommands().get("ssh").setStopAtPositional(true);
        return cl;
    }

    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }
}
