package dev.overlaylab.provider.virtualbox;

import dev.overlaylab.exec.ExecResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Why {@code startvm} failed when VirtualBox does not say: 7.2 prints only "The virtual machine 'X'
 * has terminated unexpectedly during startup with exit code 1 (0x1)". The missing kernel driver is
 * recognised from {@code /dev/vboxdrv} already ({@link VBoxErrorHints}); otherwise the reason is in
 * the VM's own log, {@code <machine folder>/Logs/VBox.log}, whose VERR_ codes are matched like
 * VBoxManage's own texts. (With no kernel driver the VM process dies before it writes any log: seen on
 * 7.2.22.)
 */
final class StartFailure {
    /** How much of the end of VBox.log is read: the failure is logged last. */
    private static final int TAIL = 64 * 1024;

    private StartFailure() {
    }

    /** {@code e} itself when it was recognised, else an error naming what the VM's log says, or where the log is. */
    static VBoxManageException explain(VBoxManageException e, String cfgFile, VBoxErrorHints.Host host) {
        if (e.error().isPresent() || cfgFile == null || cfgFile.isBlank()) {
            return e;
        }
        Path log = Path.of(cfgFile).resolveSibling("Logs").resolve("VBox.log");
        Optional<String> tail = tail(log);
        if (tail.isEmpty()) {
            return e;
        }
        ExecResult r = e.result();
        ExecResult withLog = new ExecResult(r.argv(), r.exitCode(), r.stdout(), r.stderr() + "\n" + tail.get());
        Optional<VBoxError> fromLog = VBoxErrorHints.explain(withLog, host)
                .map(x -> new VBoxError(x.cause() + " (from " + log + ")", x.fix()));
        VBoxError error = fromLog.orElse(new VBoxError("the VM's process stopped while starting",
                "the reason is at the end of " + log + " (look for 'VERR_' or 'Power up failed'), then run again"));
        return new VBoxManageException(r, error);
    }

    private static Optional<String> tail(Path log) {
        try {
            if (!Files.isRegularFile(log)) {
                return Optional.empty();
            }
            byte[] all = Files.readAllBytes(log);
            int from = Math.max(0, all.length - TAIL);
            String text = new String(all, from, all.length - from, StandardCharsets.UTF_8);
            List<String> lines = text.lines().filter(l -> l.contains("VERR_") || l.contains("Power up failed")
                    || l.contains("Kernel driver")).toList();
            return Optional.of(String.join("\n", lines));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
