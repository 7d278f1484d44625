package dev.overlaylab.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The journal command is bounded and takes only unit names; kube* units are found in systemctl's list. */
class NodeLogsTest {

    @Test
    void journalCommandIsBoundedInLines() {
        assertThat(NodeLogs.command("flanneld", 200)).isEqualTo("journalctl --no-pager -o short-iso -n 200 -u flanneld.service");
        assertThat(NodeLogs.command("docker", 1_000_000)).contains("-n " + NodeLogs.MAX_LINES + " ");
        assertThat(NodeLogs.command("etcd", 0)).contains("-n 1 ");
    }

    @Test
    void aUnitNameCannotCarryAShellCommand() {
        assertThatThrownBy(() -> NodeLogs.command("etcd; rm -rf /", 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NodeLogs.command("$(reboot)", 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void kubeUnitsAreReadFromListUnitFiles() {
        // systemctl 252 (Debian 12) list-unit-files --no-legend output, hand-written in its layout
        String out = "kube-apiserver.service          enabled  enabled\n"
                + "kubelet.service                 enabled  enabled\n"
                + "kube-proxy.service              disabled enabled\n\n";
        assertThat(NodeLogs.kubeUnits(out)).containsExactly("kube-apiserver", "kubelet", "kube-proxy");
        assertThat(NodeLogs.kubeUnits("")).isEmpty();
    }
}
