package dev.overlaylab.verify;

import dev.overlaylab.model.Cidr;
import java.util.Optional;

/**
 * The throwaway container of one node, as started for this run.
 *
 * @param ip  its address on docker0
 * @param pid its init process on the node (for {@code nsenter -n})
 */
public record VerifyPod(String ip, long pid) {

    /** Reads the {@code "<ip> <pid>"} line printed by {@link NodeCommands#startPod}. */
    public static Optional<VerifyPod> parse(String stdout) {
        String[] w = stdout.strip().split("\\s+");
        if (w.length != 2 || Cidr.tryParseAddressOrCidr(w[0]).isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new VerifyPod(w[0], Long.parseLong(w[1])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
