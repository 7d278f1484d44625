package dev.overlaylab.verify;

import dev.overlaylab.model.Cidr;
import java.util.Optional;

/**
 * The throwaway container of one node, as started for this run.
 *
 * @param ip  its address on docker0
 * @param pid its init process on the node (for {@code nsenter -n})
 * @param id  its container id, or "" when not known: removing it by id can never hit a later run's pod of the same name
 */
public record VerifyPod(String ip, long pid, String id) {

    public VerifyPod(String ip, long pid) {
        this(ip, pid, "");
    }

    /** Reads the {@code "<ip> <pid> [<id>]"} line printed by {@link NodeCommands#startPod}. */
    public static Optional<VerifyPod> parse(String stdout) {
        String[] w = stdout.strip().split("\\s+");
        if (w.length < 2 || w.length > 3 || Cidr.tryParseAddressOrCidr(w[0]).isEmpty()
                || (w.length == 3 && !w[2].matches("[0-9a-f]{12,64}"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new VerifyPod(w[0], Long.parseLong(w[1]), w.length == 3 ? w[2] : ""));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
