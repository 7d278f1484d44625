package dev.overlaylab.model;

/**
 * What {@code olab verify} checks beyond the per-node basics.
 *
 * @param pods     pod → pod ping with a throwaway container per node
 * @param http     HTTP from a pod to a pod's httpd on the other node
 * @param mtuProbe a do-not-fragment ping at the overlay MTU
 * @param image    the container image used for pods (made from busybox-static where no registry is reachable)
 */
public record VerifySettings(boolean pods, boolean http, boolean mtuProbe, String image) {
}
