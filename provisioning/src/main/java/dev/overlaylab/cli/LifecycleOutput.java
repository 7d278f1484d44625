package dev.overlaylab.cli;

import picocli.CommandLine;

/** The closing line of down / halt / resume / snapshot. */
final class LifecycleOutput {
    private LifecycleOutput() {
    }

    static int done(CommandLine.Model.CommandSpec spec, boolean json, String what) {
        spec.commandLine().getOut().println(json ? "{\"type\":\"summary\",\"ok\":true}" : what + ": done");
        spec.commandLine().getOut().flush();
        return Olab.EXIT_OK;
    }
}
