package dev.overlaylab.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.overlaylab.etcd.EtcdPort.ConfigWrite.Change;
import dev.overlaylab.exec.ExecResult;
import dev.overlaylab.model.EtcdSettings.EtcdApi;
import dev.overlaylab.testsupport.ExecOnlyShell;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The etcdctl adapter's decisions, over a shell double that answers each command with etcdctl's
 * recorded output ({@code src/test/resources/etcd/etcdctl/README.md}); the same adapter against a
 * real etcd: {@link EtcdGatewayTest}, {@link EtcdThroughSshTest}.
 */
class EtcdctlPortTest {
    private static final EtcdKeys KEYS = new EtcdKeys("/rec/coreos.com/network");
    private static final String CONFIG = "{\"Network\":\"10.1.0.0/16\",\"SubnetLen\":24,\"Backend\":{\"Type\":\"vxlan\",\"VNI\":1,\"Port\":8472}}";

    /** Answers commands in order with scripted results and keeps every command it ran. */
    static final class ScriptedShell extends ExecOnlyShell {
        final Deque<ExecResult> answers = new ArrayDeque<>();
        final List<String> ran = new ArrayList<>();

        ScriptedShell() {
            super("master");
        }

        ScriptedShell answer(int exit, String stdoutFile, String stderrFile) {
            answers.add(new ExecResult(List.of("sh", "-c", "…"), exit, stdoutFile == null ? "" : recorded(stdoutFile),
                    stderrFile == null ? "" : recorded(stderrFile)));
            return this;
        }

        @Override
        public ExecResult exec(String command, Duration timeout) {
            ran.add(command);
            if (answers.isEmpty()) {
                throw new AssertionError("unexpected command: " + command);
            }
            return answers.poll();
        }
    }

    static String recorded(String name) {
        try (InputStream in = EtcdctlPortTest.class.getResourceAsStream("/etcd/etcdctl/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded output " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EtcdctlPort port(ScriptedShell shell, EtcdApi api) {
        EtcdEndpoints endpoints = EtcdEndpoints.of("127.0.0.1", 2379);
        return new EtcdctlPort(shell, Etcdctl.of(api, endpoints), KEYS, endpoints.commaSeparated());
    }

    @Test
    void v3ReadsTheValueByteForByteAndOverwritesExactlyTheRevisionRead() {
        ScriptedShell shell = new ScriptedShell().answer(0, "v3-get-config.json", null).answer(0, "v3-txn-succeeded.json", null);
        EtcdPort.ConfigWrite w = port(shell, EtcdApi.V3).writeConfig("{\"Network\":\"10.9.0.0/16\"}", true);
        assertThat(w.change()).isEqualTo(Change.OVERWRITTEN);
        assertThat(w.previous()).contains(CONFIG);
        assertThat(shell.ran.get(0)).startsWith("ETCDCTL_API=3 etcdctl --endpoints=http://127.0.0.1:2379 ")
                .endsWith("-w json get /rec/coreos.com/network/config");
        // the recorded read says mod_revision 5: the transaction compares exactly that
        assertThat(shell.ran.get(1)).contains("'mod(\"/rec/coreos.com/network/config\") = \"5\"'")
                .contains("put \"/rec/coreos.com/network/config\" \"{\\\"Network\\\":\\\"10.9.0.0/16\\\"}\"")
                .endsWith("-w json txn");
    }

    @Test
    void v3AbsentKeyIsCreatedWithATransactionOnCreateRevisionZero() {
        ScriptedShell shell = new ScriptedShell().answer(0, "v3-get-absent.json", null).answer(0, "v3-txn-succeeded.json", null);
        assertThat(port(shell, EtcdApi.V3).writeConfig(CONFIG, false).change()).isEqualTo(Change.CREATED);
        assertThat(shell.ran.get(1)).contains("'create(\"/rec/coreos.com/network/config\") = \"0\"'");
    }

    @Test
    void v3SameConfigInOtherSpellingIsUnchangedAndDifferentIsRefusedWithoutWriting() {
        ScriptedShell shell = new ScriptedShell().answer(0, "v3-get-config.json", null);
        String respelled = "{ \"Backend\": {\"Port\": 8472, \"VNI\": 1, \"Type\": \"vxlan\"}, \"SubnetLen\": 24, \"Network\": \"10.1.0.0/16\" }";
        assertThat(port(shell, EtcdApi.V3).writeConfig(respelled, false).change()).isEqualTo(Change.UNCHANGED);

        ScriptedShell again = new ScriptedShell().answer(0, "v3-get-config.json", null);
        assertThatThrownBy(() -> port(again, EtcdApi.V3).writeConfig("{\"Network\":\"10.9.0.0/16\"}", false))
                .isInstanceOfSatisfying(ConfigConflictException.class, e -> assertThat(e.existing()).isEqualTo(CONFIG));
        assertThat(again.ran).hasSize(1);
    }

    @Test
    void v3TransactionWhoseCompareFailedIsAConcurrentWriter() {
        ScriptedShell shell = new ScriptedShell().answer(0, "v3-get-config.json", null).answer(0, "v3-txn-compare-failed.json", null);
        assertThatThrownBy(() -> port(shell, EtcdApi.V3).writeConfig("{\"Network\":\"10.9.0.0/16\"}", true))
                .isInstanceOf(EtcdException.class).hasMessageContaining("changed while it was being written");
    }

    @Test
    void aReadThatFailsIsAnErrorNeverAnAbsentKeyAndNothingIsWritten() {
        for (EtcdApi api : EtcdApi.values()) {
            if (api == EtcdApi.AUTO) {
                continue;
            }
            ScriptedShell shell = new ScriptedShell().answer(api == EtcdApi.V2 ? 2 : 1, null, "v3-unreachable.stderr");
            assertThatThrownBy(() -> port(shell, api).writeConfig(CONFIG, true)).isInstanceOf(EtcdException.class)
                    .hasMessageContaining("read /rec/coreos.com/network/config failed")
                    .hasMessageContaining("context deadline exceeded")
                    .hasMessageContaining("via etcdctl on master");
            assertThat(shell.ran).as(api + ": no write after a failed read").hasSize(1);
        }
    }

    @Test
    void outputThatIsNotJsonIsAnErrorNotAnAbsentKey() {
        ScriptedShell shell = new ScriptedShell();
        shell.answers.add(new ExecResult(List.of("sh"), 0, "/rec/coreos.com/network/config\n" + CONFIG + "\n", ""));
        assertThatThrownBy(() -> port(shell, EtcdApi.V3).readConfig()).isInstanceOf(EtcdException.class)
                .hasMessageContaining("printed no JSON");
    }

    @Test
    void v2KeyNotFoundIsAbsentAndTheOtherErrorsAreConflictsOrFailures() {
        ScriptedShell absent = new ScriptedShell().answer(4, null, "v2-get-absent.stderr").answer(0, "v2-mk-created.json", null);
        assertThat(port(absent, EtcdApi.V2).writeConfig(CONFIG, false).change()).isEqualTo(Change.CREATED);
        assertThat(absent.ran.get(1)).startsWith("ETCDCTL_API=2 etcdctl --endpoints=http://127.0.0.1:2379 --timeout=3s -o json mk ");

        ScriptedShell raced = new ScriptedShell().answer(4, null, "v2-get-absent.stderr").answer(4, null, "v2-mk-exists.stderr");
        assertThatThrownBy(() -> port(raced, EtcdApi.V2).writeConfig(CONFIG, false)).isInstanceOf(EtcdException.class)
                .hasMessageContaining("changed while it was being written");

        ScriptedShell swapped = new ScriptedShell().answer(0, "v2-get-config.json", null).answer(4, null, "v2-swap-compare-failed.stderr");
        assertThatThrownBy(() -> port(swapped, EtcdApi.V2).writeConfig("{}", true)).isInstanceOf(EtcdException.class)
                .hasMessageContaining("changed while it was being written");
        // the recorded read says modifiedIndex 6
        assertThat(swapped.ran.get(1)).contains("set --swap-with-index 6 /rec/coreos.com/network/config '{}'");

        ScriptedShell off = new ScriptedShell().answer(4, null, "v2-api-disabled.stderr");
        assertThatThrownBy(() -> port(off, EtcdApi.V2).readConfig()).isInstanceOf(EtcdException.class)
                .hasMessageContaining("response is invalid json").hasMessageContaining("--enable-v2=true");
    }

    @Test
    void leasesAreReadThroughEitherApi() {
        List<Lease> expected = List.of(
                new Lease("10.1.35.0/24", "192.168.56.101", "vxlan", Map.of("VNI", "1", "VtepMAC", "ae:1b:9f:2a:10:01")),
                new Lease("10.1.77.0/24", "192.168.56.102", "vxlan", Map.of("VNI", "1", "VtepMAC", "6a:1f:3e:b4:9d:02")));
        assertThat(port(new ScriptedShell().answer(0, "v3-get-prefix-leases.json", null), EtcdApi.V3).leases()).isEqualTo(expected);
        assertThat(port(new ScriptedShell().answer(0, "v2-ls-leases.json", null), EtcdApi.V2).leases()).isEqualTo(expected);
        assertThat(port(new ScriptedShell().answer(4, null, "v2-ls-absent.stderr"), EtcdApi.V2).leases()).isEmpty();
        assertThat(port(new ScriptedShell().answer(0, "v3-get-prefix-leases.json", null), EtcdApi.V3).lease("10.1.77.0/24"))
                .contains(expected.get(1));
    }

    @Test
    void healthSaysWhyEtcdDoesNotAnswer() {
        assertThat(port(new ScriptedShell().answer(0, "v3-get-config.json", null), EtcdApi.V3).health().healthy()).isTrue();
        assertThat(port(new ScriptedShell().answer(4, null, "v2-get-absent.stderr"), EtcdApi.V2).health().healthy()).isTrue();
        EtcdPort.Health off = port(new ScriptedShell().answer(4, null, "v2-api-disabled.stderr"), EtcdApi.V2).health();
        assertThat(off.healthy()).isFalse();
        assertThat(off.detail()).contains("--enable-v2=true");
    }

    @Test
    void transactionValuesAreGoQuoted() {
        assertThat(Etcdctl.goQuote("{\"a\":\"b\\\\c\"}\n")).isEqualTo("\"{\\\"a\\\":\\\"b\\\\\\\\c\\\"}\\n\"");
    }
}
