package dev.overlaylab.model;

import java.util.OptionalInt;

/**
 * docker on each node.
 *
 * @param mtu empty: take {@code FLANNEL_MTU} from subnet.env (the seeds' way, and the right one);
 *            a number pins docker0's MTU (it must not exceed the overlay MTU)
 */
public record DockerSettings(OptionalInt mtu) {
}
