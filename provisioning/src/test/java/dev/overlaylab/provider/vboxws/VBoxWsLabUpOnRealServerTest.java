package dev.overlaylab.provider.vboxws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.overlaylab.exec.ProcessRunner;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.LabLoader;
import dev.overlaylab.model.Profiles;
import dev.overlaylab.progress.ProgressListener;
import dev.overlaylab.provider.vboxws.soap.HttpSoapTransport;
import dev.overlaylab.provider.vboxws.soap.VBoxWebServiceException;
import dev.overlaylab.provider.virtualbox.BoxSource;
import dev.overlaylab.provider.virtualbox.GuestLogin;
import dev.overlaylab.provider.virtualbox.SshBannerWait;
import dev.overlaylab.provider.virtualbox.VirtualBoxSettings;
import dev.overlaylab.testsupport.RealVirtualBox;
import dev.overlaylab.testsupport.RealWebService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code up} of the example lab through VBoxWsProvider as far as this machine lets it go: the real
 * vboxwebsrv 7.2.22 runs in a private network namespace whose Linux bridge {@code vboxnet0} is, to
 * VirtualBox, a host-only interface (as in RealVBoxLabUpContractTest); the test reaches it over a
 * veth pair it makes (10.254.97.1 here, .2 in the namespace; nothing routed out). Both VMs are made
 * for real (linked clones of the base, memory/CPUs, NAT + SSH forward bound to the server's address,
 * NIC2 on vboxnet0), {@code up} stops at the launch with the kernel-driver cause, and {@code down}
 * leaves none of the lab's VMs.
 */
@Tag("integration")
class VBoxWsLabUpOnRealServerTest {
    private static final ProcessRunner RUN = new ProcessRunner();

    @Test
    void upMakesBothVmsStopsAtLaunchAndDownRemovesThem(@TempDir Path state) throws Exception {
        try (RealVirtualBox vbox = RealVirtualBox.sessionInNetns()) {
            String ns = vbox.netns().orElseThrow();
            String host = "olws" + ns.substring(ns.length() - 6);
            try {
                RUN.check(List.of("ip", "link", "add", host, "type", "veth", "peer", "name", "eth-ws", "netns", ns), Duration.ofSeconds(10));
                RUN.check(List.of("ip", "addr", "add", "10.254.97.1/30", "dev", host), Duration.ofSeconds(10));
                RUN.check(List.of("ip", "link", "set", host, "up"), Duration.ofSeconds(10));
                vbox.inNetns("ip", "addr", "add", "10.254.97.2/30", "dev", "eth-ws");
                vbox.inNetns("ip", "link", "set", "eth-ws", "up");
                vbox.inNetns("ip", "addr", "add", "192.168.56.1/24", "dev", "vboxnet0");
                String base = BoxSource.baseVmName(Profiles.get("ubuntu-16.04").box());
                vbox.createBaseVm(base);
                vbox.raw("snapshot", base, "take", "olab-base");
                try (RealWebService server = RealWebService.start(vbox, "10.254.97.2")) {
                    run(vbox, server, state);
                }
            } finally {
                RUN.run(List.of("ip", "link", "del", host), Duration.ofSeconds(10));
            }
        }
    }

    private static void run(RealVirtualBox vbox, RealWebService server, Path state) throws Exception {
        String yaml = Files.readString(Path.of(System.getProperty("user.dir")).getParent().resolve("examples/two-node-vbox-ws.yaml"))
                .replace("http://127.0.0.1:18083/", server.url().toString()).replace("name: ws-lab", "name: olt-wsup");
        Lab lab = LabLoader.parse(yaml, Optional.empty());
        WsConnector connector = new WsConnector(Map.of(), ServerPasswordPrompt.NONE,
                u -> new HttpSoapTransport(u, Duration.ofSeconds(5), Duration.ofSeconds(60)));
        VBoxWsProvider p = new VBoxWsProvider(connector, Profiles::get, VirtualBoxSettings.defaults().withStateDir(state),
                GuestLogin.NOT_WIRED, SshBannerWait.real());

        assertThatThrownBy(() -> p.up(lab, ProgressListener.NONE)).isInstanceOf(VBoxWebServiceException.class)
                .hasMessageContaining("starting VM olt-wsup-master failed on the server 10.254.97.2")
                .hasMessageContaining("kernel drivers are most likely not loaded")
                .hasMessageContaining("has terminated unexpectedly during startup");
        for (String[] vm : new String[][] {{"olt-wsup-master", "2222"}, {"olt-wsup-node1", "2223"}}) {
            String info = vbox.raw("showvminfo", vm[0], "--machinereadable").stdout();
            assertThat(info).contains("memory=1024", "cpus=1", "nic1=\"nat\"",
                    "Forwarding(0)=\"ssh,tcp,10.254.97.2," + vm[1] + ",,22\"", "nic2=\"hostonly\"", "hostonlyadapter2=\"vboxnet0\"");
        }
        assertThat(Files.readString(state.resolve("olt-wsup/virtualbox.properties"))).contains("vm.master=olt-wsup-master");

        // a second up resumes: the VMs are kept (not made again) and it stops at the same launch
        assertThatThrownBy(() -> p.up(lab, ProgressListener.NONE)).hasMessageContaining("starting VM olt-wsup-master");
        assertThat(vbox.raw("list", "vms").stdout().lines().filter(l -> l.contains("olt-wsup-")).count()).isEqualTo(2);

        p.down(lab, ProgressListener.NONE);
        assertThat(vbox.raw("list", "vms").stdout()).doesNotContain("olt-wsup-");
        assertThat(state.resolve("olt-wsup/virtualbox.properties")).doesNotExist();
    }
}
