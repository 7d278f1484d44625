package dev.overlaylab.provider.vboxws;

import dev.overlaylab.provider.vboxws.soap.VBoxWebServiceException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.overlaylab.model.Lab;
import dev.overlaylab.model.LabLoader;
import dev.overlaylab.model.Profiles;
import dev.overlaylab.model.VBoxWebServer;
import dev.overlaylab.progress.ProgressListener;
import dev.overlaylab.provider.Readiness;
import dev.overlaylab.provider.vboxws.soap.HttpSoapTransport;
import dev.overlaylab.provider.vboxws.soap.SoapRequest;
import dev.overlaylab.provider.vboxws.soap.SoapTransport;
import dev.overlaylab.provider.vboxws.soap.WebServiceUnreachableException;
import dev.overlaylab.provider.virtualbox.BoxSource;
import dev.overlaylab.provider.virtualbox.GuestLogin;
import dev.overlaylab.provider.virtualbox.SshBannerWait;
import dev.overlaylab.provider.virtualbox.VirtualBoxSettings;
import dev.overlaylab.testsupport.RealVirtualBox;
import dev.overlaylab.testsupport.RealWebService;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The virtualbox-ws client and provider against the real vboxwebsrv 7.2.22 of the CI chroot, started
 * on 127.0.0.1 in this class's own VirtualBox session (its own VBOX_USER_HOME, so the null auth library
 * and every VM stay in a folder deleted afterwards). Every request sent by any test here is validated
 * against the schema of the WSDL that server serves (the last test). What the operations configured is
 * read back with the real VBoxManage of the same session.
 */
@Tag("integration")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VBoxWsOnRealServerTest {
    private static RealVirtualBox vbox;
    private static RealWebService server;
    private static final List<SoapRequest> SENT = Collections.synchronizedList(new ArrayList<>());
    private static String baseVm;

    @BeforeAll
    static void start() {
        vbox = RealVirtualBox.session();
        server = RealWebService.start(vbox);
        baseVm = BoxSource.baseVmName(Profiles.get("ubuntu-16.04").box());
        vbox.createBaseVm(baseVm);
        vbox.raw("snapshot", baseVm, "take", "olab-base");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (vbox != null) {
            vbox.close();
        }
    }

    private static Function<URI, SoapTransport> recording() {
        return u -> {
            HttpSoapTransport http = new HttpSoapTransport(u, Duration.ofSeconds(5), Duration.ofSeconds(60));
            return req -> {
                SENT.add(req);
                return http.exchange(req);
            };
        };
    }

    private static WsConnector connector() {
        return new WsConnector(Map.of(), ServerPasswordPrompt.NONE, recording());
    }

    private static VBoxWebServer here() {
        return new VBoxWebServer(server.url().toString(), "");
    }

    private static Map<String, String> vminfo(String vm) {
        Map<String, String> out = new java.util.HashMap<>();
        for (String line : vbox.raw("showvminfo", vm, "--machinereadable").stdout().split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                out.put(line.substring(0, eq).replace("\"", ""), line.substring(eq + 1).replace("\"", ""));
            }
        }
        return out;
    }

    @Test
    @Order(1)
    void connectsAndReadsTheServersFacts() {
        try (WebVirtualBox vb = connector().connect(here())) {
            assertThat(vb.facts().version()).startsWith("7.2.22");
            assertThat(vb.facts().apiVersion()).isEqualTo("7_2");
            assertThat(vb.api()).isInstanceOf(Api72.class);
            assertThat(vb.machineNames()).containsExactly(baseVm);
        }
    }

    @Test
    @Order(2)
    void machineOperationsAreReadBackWithTheRealVBoxManage() {
        String vm = vbox.vmName("ws-node");
        Path folder;
        try (WebVirtualBox vb = connector().connect(here())) {
            WebMachine m = vb.cloneFrom(vb.find(baseVm).orElseThrow(), vm, Duration.ofMinutes(2));
            m.configure(384, 2, "127.0.0.1", 18222, "vboxnet0");
            Map<String, String> info = vminfo(vm);
            assertThat(info).containsEntry("memory", "384").containsEntry("cpus", "2")
                    .containsEntry("nic1", "nat").containsEntry("Forwarding(0)", "ssh,tcp,127.0.0.1,18222,,22")
                    .containsEntry("nic2", "hostonly").containsEntry("hostonlyadapter2", "vboxnet0")
                    .containsEntry("cableconnected2", "on");
            folder = Path.of(info.get("CfgFile")).getParent();
            assertThat(Files.readString(folder.resolve(vm + ".vbox"))).as("settings saved to the .vbox file")
                    .contains("<Forwarding name=\"ssh\"").contains("vboxnet0");
            assertThat(m.sshPort()).contains(18222);

            m.takeSnapshot("after-provision");
            assertThat(vbox.raw("snapshot", vm, "list", "--machinereadable").stdout()).contains("SnapshotName=\"after-provision\"");
            assertThat(m.snapshotNames()).containsExactly("after-provision");
            m.configure(512, 1, "127.0.0.1", 18223, "vboxnet0");
            m.restoreSnapshot("after-provision");
            assertThat(vminfo(vm)).as("restored to the snapshot's settings").containsEntry("memory", "384")
                    .containsEntry("Forwarding(0)", "ssh,tcp,127.0.0.1,18222,,22");

            assertThatThrownBy(() -> m.startHeadless(Duration.ofSeconds(60)))
                    .isInstanceOf(VBoxWebServiceException.class)
                    .hasMessageContaining("kernel drivers are most likely not loaded")
                    .hasMessageContaining("has terminated unexpectedly during startup")
                    .hasMessageContaining("sudo apt install virtualbox-dkms");
            assertThat(m.state()).isNotEqualTo("Running");

            m.unregisterAndDelete();
            assertThat(vb.machineNames()).doesNotContain(vm);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(vbox.raw("list", "vms").stdout()).doesNotContain(vm);
        assertThat(folder).as("the VM's folder and its disk are deleted").satisfies(f -> assertThat(
                !Files.exists(f.resolve(vm + ".vbox")) && (!Files.exists(f) || f.toFile().list().length == 0)).isTrue());
    }

    @Test
    @Order(3)
    void upFailsWithTheKernelDriverCauseAndDownLeavesNothing(@TempDir Path state) throws Exception {
        String yaml = Files.readString(Path.of(System.getProperty("user.dir")).getParent().resolve("examples/two-node-vbox-ws.yaml"))
                .replace("http://127.0.0.1:18083/", server.url().toString()).replace("name: ws-lab", "name: olt-ws-up");
        Lab lab = LabLoader.parse(yaml, Optional.empty());
        VBoxWsProvider p = new VBoxWsProvider(connector(), Profiles::get, VirtualBoxSettings.defaults().withStateDir(state),
                GuestLogin.NOT_WIRED, SshBannerWait.real());
        List<String> before = List.of(vbox.raw("list", "vms").stdout().split("\n"));

        assertThatThrownBy(() -> p.up(lab, ProgressListener.NONE)).isInstanceOf(VBoxWebServiceException.class)
                .hasMessageContaining("kernel drivers are most likely not loaded")
                .hasMessageContaining("on the server 127.0.0.1: sudo apt install virtualbox-dkms");
        assertThat(List.of(vbox.raw("list", "vms").stdout().split("\n"))).as("nothing half-made").isEqualTo(before);

        p.down(lab, ProgressListener.NONE);
        assertThat(vbox.raw("list", "vms").stdout()).doesNotContain("olt-ws-up-");
        assertThat(state.resolve("olt-ws-up/virtualbox.properties")).doesNotExist();
    }

    @Test
    @Order(4)
    void doctorReportsTheServer() {
        Readiness r = new VBoxWsProvider(connector(), Profiles::get, VirtualBoxSettings.defaults(), GuestLogin.NOT_WIRED,
                SshBannerWait.real()).readiness(here());
        assertThat(r.ready()).isTrue();
        assertThat(r.facts()).extracting(Readiness.Fact::detail).anyMatch(d -> d.startsWith("7.2.22"))
                .anyMatch(d -> d.startsWith("7_2: Api72"));
        assertThat(new VBoxWsProvider(connector(), Profiles::get, VirtualBoxSettings.defaults(), GuestLogin.NOT_WIRED,
                SshBannerWait.real()).describeServer(here())).as("the wizard's Test connection")
                .isEqualTo("VirtualBox 7.2.22_Debian (API 7_2) on 127.0.0.1");
    }

    @Test
    @Order(5)
    void aStaleReferenceAfterLogoffIsAnExpiredSession() {
        SoapTransport t = recording().apply(server.url());
        WebSession ws = WebSession.logon(t, server.url().toString(), "", new char[0]);
        t.exchange(SoapRequest.of("IWebsessionManager_logoff").arg("refIVirtualBox", ws.vbox()));
        assertThatThrownBy(() -> ws.call(SoapRequest.of("IVirtualBox_getVersion").arg("_this", ws.vbox())))
                .isInstanceOf(VBoxWebServiceException.class)
                .hasMessageContaining("is no longer valid").hasMessageContaining(ws.vbox())
                .hasMessageContaining("run the command again");
        ws.close();
    }

    @Test
    @Order(6)
    void aDeadServerIsSaidToBeUnreachableWithItsFix() {
        int dead = RealWebService.freePort().orElseThrow();
        VBoxWebServer gone = new VBoxWebServer("http://127.0.0.1:" + dead + "/", "");
        assertThatThrownBy(() -> connector().connect(gone)).isInstanceOf(WebServiceUnreachableException.class)
                .hasMessageContaining("cannot be reached: connection refused").hasMessageContaining("start the web service");
        Readiness r = new VBoxWsProvider(connector(), Profiles::get, VirtualBoxSettings.defaults(), GuestLogin.NOT_WIRED,
                SshBannerWait.real()).readiness(gone);
        assertThat(r.ready()).isFalse();
    }

    @Test
    @Order(99)
    void everyRequestSentValidatesAgainstTheSchemaOfTheServersWsdl() throws Exception {
        WsdlSchema schema = WsdlSchema.of(server.wsdl());
        List<SoapRequest> all = new ArrayList<>(SENT);
        for (ApiAdapter a : ApiAdapters.ALL) {
            if (a.apiVersion().equals("7_2") || a.apiVersion().equals("7_1")) {
                all.add(a.createMachine("x", "vm", "Ubuntu_64"));
            }
            all.add(a.launchHeadless("x", "y"));
        }
        assertThat(all.stream().map(SoapRequest::operation).distinct()).as("the operations exercised here")
                .contains("IVirtualBox_createMachine", "IMachine_cloneTo", "INATEngine_addRedirect", "IMachine_takeSnapshot",
                        "IMachine_launchVMProcess", "IMachine_unregister", "IMachine_deleteConfig", "IManagedObjectRef_release",
                        "IHost_createHostOnlyNetworkInterface", "IWebsessionManager_logoff");
        List<String> invalid = new ArrayList<>();
        for (SoapRequest r : all) {
            try {
                schema.validate(r);
            } catch (org.xml.sax.SAXException e) {
                invalid.add(r.operation() + ": " + e.getMessage());
            }
        }
        assertThat(invalid).isEmpty();
        assertThatThrownBy(() -> schema.validate(new Api70().createMachine("x", "vm", "Ubuntu_64")))
                .as("7.0's form (no platform) is not 7.2's: the check can fail").isInstanceOf(org.xml.sax.SAXException.class);
    }
}
