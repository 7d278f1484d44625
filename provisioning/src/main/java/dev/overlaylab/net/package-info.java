/**
 * Small network value types and rules that the providers, the engine's steps, verify and diagnose
 * all share, so each concept is decided in one place: flannel's {@code subnet.env}, the first
 * address of an interface in {@code ip addr} output, and the rule that docker0 sits on the subnet
 * flannel leased. The IPv4 arithmetic itself is {@link dev.overlaylab.model.Cidr}.
 */
package dev.overlaylab.net;
