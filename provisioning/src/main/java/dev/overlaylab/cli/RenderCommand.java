package dev.overlaylab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code olab render LAB -o DIR}: every node's files at their absolute paths under DIR/<node>/. */
@Command(name = "render", description = "Render every node's files into a folder, touching no node.")
final class RenderCommand implements Callable<Integer> {
    @Parameters(paramLabel = "LAB", description = "the lab file (YAML)")
    Path lab;

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("render: not implemented yet");
    }
}
