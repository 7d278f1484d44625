package dev.overlaylab.ssh;

import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.exec.ProcessRunner;
import dev.overlaylab.testsupport.Prereq;
import java.time.Duration;
import java.util.List;

/**
 * A network namespace made by a test, joined to the host by a veth pair: {@code hostAddress} on the
 * host side, {@code nsAddress} inside, loopback up. Removing the namespace removes the veth too.
 * Names and addresses come from the caller's assigned ranges.
 */
public final class TestNetns implements AutoCloseable {
    private static final ProcessRunner RUN = new ProcessRunner();
    private final String name;
    private final String hostVeth;

    private TestNetns(String name, String hostVeth) {
        this.name = name;
        this.hostVeth = hostVeth;
    }

    /** e.g. {@code create("olt-s1", "olts1h", "olts1n", "10.200.1.1/24", "10.200.1.2/24")}. */
    public static TestNetns create(String name, String hostVeth, String nsVeth, String hostCidr, String nsCidr) {
        Prereq.requireRoot();
        Prereq.requireProgram("ip");
        // Leftovers of an earlier, killed run of this same test would make "add" fail.
        RUN.run(List.of("ip", "netns", "del", name), Duration.ofSeconds(10));
        RUN.run(List.of("ip", "link", "del", hostVeth), Duration.ofSeconds(10));
        TestNetns ns = new TestNetns(name, hostVeth);
        try {
            ip("netns", "add", name);
            ip("link", "add", hostVeth, "type", "veth", "peer", "name", nsVeth);
            ip("link", "set", nsVeth, "netns", name);
            ip("addr", "add", hostCidr, "dev", hostVeth);
            ip("link", "set", hostVeth, "up");
            ip("-n", name, "addr", "add", nsCidr, "dev", nsVeth);
            ip("-n", name, "link", "set", nsVeth, "up");
            ip("-n", name, "link", "set", "lo", "up");
            return ns;
        } catch (RuntimeException e) {
            ns.close();
            throw e;
        }
    }

    public String name() {
        return name;
    }

    /** Runs argv inside the namespace. */
    public ExecResult exec(List<String> argv) {
        List<String> full = new java.util.ArrayList<>(List.of("ip", "netns", "exec", name));
        full.addAll(argv);
        return RUN.run(full, Duration.ofSeconds(30));
    }

    /** Takes the host side of the link down or up: the node vanishes from the network, or comes back. */
    public void link(boolean up) {
        ip("link", "set", hostVeth, up ? "up" : "down");
    }

    private static void ip(String... args) {
        List<String> argv = new java.util.ArrayList<>(List.of("ip"));
        argv.addAll(List.of(args));
        RUN.check(argv, Duration.ofSeconds(10));
    }

    @Override
    public void close() {
        RUN.run(List.of("ip", "netns", "del", name), Duration.ofSeconds(10));
        RUN.run(List.of("ip", "link", "del", hostVeth), Duration.ofSeconds(10));
    }
}
