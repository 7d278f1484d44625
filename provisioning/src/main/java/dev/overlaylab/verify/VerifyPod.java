package dev.overlaylab.verify;

import dev.overlaylab.model.Cidr;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The throwaway container of one node, as this run found or started it.
 *
 * @param ip  its address on docker0
 * @param pid its init process on the node (for {@code nsenter -n})
 * @param id  its container id, or "" when not known; no code reads it since the pod is kept rather than removed by id
 *            (it tells a kept pod from a new one of the same name in the row's evidence)
 * @param keptAge for a pod an earlier verify started and this one uses again, its age in seconds; empty for a pod
 *                started by this run
 */
public record VerifyPod(String ip, long pid, String id, OptionalInt keptAge) {

    public VerifyPod(String ip, long pid) {
        this(ip, pid, "");
    }

    public VerifyPod(String ip, long pid, String id) {
        this(ip, pid, id, OptionalInt.empty());
    }

    /** Reads the {@code "<ip> <pid> [<id>]"} or {@code "<ip> <pid> <id> kept <age>"} line printed by {@link NodeCommands#startPod}. */
    public static Optional<VerifyPod> parse(String stdout) {
        String[] w = stdout.strip().split("\\s+");
        boolean kept = w.length == 5 && w[3].equals("kept") && w[4].matches("\\d{1,9}");
        if (w.length < 2 || (w.length > 3 && !kept) || Cidr.tryParseAddressOrCidr(w[0]).isEmpty()
                || (w.length >= 3 && !w[2].matches("[0-9a-f]{12,64}"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new VerifyPod(w[0], Long.parseLong(w[1]), w.length >= 3 ? w[2] : "",
                    kept ? OptionalInt.of(Integer.parseInt(w[4])) : OptionalInt.empty()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
