package dev.overlaylab.engine.steps;

import dev.overlaylab.node.NodeLayout;
import dev.overlaylab.engine.Step;
import dev.overlaylab.engine.StepContext;
import dev.overlaylab.engine.StepResult;
import dev.overlaylab.render.RenderedFile;
import dev.overlaylab.ssh.NodeShell;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Writes one component's rendered files, each only when its content differs. A file that is there
 * and was not written by Overlay Lab (no marker line) is first kept as {@code <name>.olab-bak}.
 * Units that read a changed file, and daemon-reload for unit files, are recorded as owed.
 */
public final class WriteFilesStep implements Step {

    private final String component;

    public WriteFilesStep(String component) {
        this.component = component;
    }

    @Override
    public String name() {
        return component + " files";
    }

    @Override
    public List<String> plan(StepContext ctx) {
        List<String> lines = new ArrayList<>();
        for (RenderedFile f : ctx.files(component)) {
            String readers = f.restarts().isEmpty() ? "" : " (restarts " + String.join(", ", f.restarts()) + " if changed)";
            lines.add(String.format("write %s %04o%s", f.path(), f.mode(), readers));
        }
        if (lines.isEmpty()) {
            lines.add("no " + component + " files for this node");
        }
        return lines;
    }

    @Override
    public StepResult apply(StepContext ctx) {
        NodeShell shell = ctx.shell();
        List<String> written = new ArrayList<>();
        List<String> backedUp = new ArrayList<>();
        for (RenderedFile f : ctx.files(component)) {
            Optional<byte[]> live = shell.read(f.path());
            if (live.isPresent() && Arrays.equals(live.get(), f.bytes())) {
                continue;
            }
            if (live.isPresent() && !new String(live.get(), StandardCharsets.UTF_8).contains(NodeLayout.MARKER)) {
                String bak = f.path() + NodeLayout.BACKUP_SUFFIX;
                // keep the first original only: a later run must not overwrite it with our own output
                if (shell.read(bak).isEmpty()) {
                    shell.write(bak, live.get(), f.mode(), "root");
                    backedUp.add(bak);
                }
            }
            ctx.nodeRun().willChange(f);
            shell.write(f.path(), f.bytes(), f.mode(), "root");
            written.add(f.path());
        }
        if (written.isEmpty()) {
            int n = ctx.files(component).size();
            return StepResult.unchanged(n + (n == 1 ? " file" : " files") + " up to date");
        }
        String msg = "wrote " + String.join(", ", written);
        if (!backedUp.isEmpty()) {
            msg += "; kept the previous files as " + String.join(", ", backedUp);
        }
        return StepResult.changed(msg);
    }
}
