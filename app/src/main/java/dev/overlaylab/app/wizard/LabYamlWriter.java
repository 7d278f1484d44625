package dev.overlaylab.app.wizard;

import dev.overlaylab.app.wizard.WizardDraft.NodeRow;
import dev.overlaylab.model.SshEndpoint;

/**
 * Writes a wizard draft as a lab file: only what differs from the documented defaults plus what a
 * reader needs to see (provider, network, nodes, flannel), so the file stays short and reviewable.
 */
public final class LabYamlWriter {
    private LabYamlWriter() {
    }

    public static String write(WizardDraft d) {
        StringBuilder y = new StringBuilder();
        y.append("# Overlay Lab lab file, written by the new-lab wizard\n");
        y.append("name: ").append(scalar(d.name)).append('\n');
        y.append("provider: ").append(scalar(d.provider)).append('\n');
        if ("virtualbox-ws".equals(d.provider)) {
            y.append("server:\n");
            y.append("  url: ").append(scalar(d.serverUrl)).append('\n');
            y.append("  user: ").append(scalar(d.serverUser)).append('\n');
        }
        y.append("profile: ").append(scalar(d.profile)).append('\n');
        y.append("network:\n");
        y.append("  cidr: ").append(scalar(d.hostCidr)).append('\n');
        y.append("nodes:\n");
        for (int i = 0; i < d.nodes.size(); i++) {
            NodeRow n = d.nodes.get(i);
            y.append("  - name: ").append(scalar(n.name())).append('\n');
            y.append("    ip: ").append(scalar(n.ip())).append('\n');
            if ("hosts".equals(d.provider)) {
                // Written out in full (defaults filled in): where and as whom the lab logs in is worth reading.
                SshEndpoint e = d.endpoint(i);
                y.append("    ssh:\n");
                y.append("      host: ").append(scalar(e.host())).append('\n');
                y.append("      port: ").append(e.port()).append('\n');
                y.append("      user: ").append(scalar(e.user())).append('\n');
                e.keyFile().ifPresent(k -> y.append("      key: ").append(scalar(k)).append('\n'));
                y.append("      sudo: ").append(e.sudo()).append('\n');
            }
        }
        y.append("flannel:\n");
        y.append("  network: ").append(scalar(d.flannelNetwork)).append('\n');
        y.append("  subnetLen: ").append(d.subnetLen).append('\n');
        if (d.ipMasq) {
            y.append("  ipMasq: true\n");
        }
        y.append("  backend:\n");
        y.append("    type: ").append(d.backend.type()).append('\n');
        if (d.backend.hasVni() && d.vni != 1) {
            y.append("    VNI: ").append(d.vni).append('\n');
        }
        if (d.backend.hasPort() && d.port != d.backend.defaultPort()) {
            y.append("    Port: ").append(d.port).append('\n');
        }
        if (d.backend.directRouting()) {
            y.append("    DirectRouting: true\n");
        }
        d.flannelBinaryFile.filter(f -> !f.isBlank()).ifPresent(f ->
                y.append("  binary:\n    file: ").append(scalar(f)).append('\n'));
        if (d.dockerMtu.isPresent()) {
            y.append("docker:\n");
            y.append("  mtu: ").append(d.dockerMtu.getAsInt()).append('\n');
        }
        if (d.kubernetes) {
            y.append("kubernetes:\n");
            y.append("  version: ").append(scalar(d.kubernetesVersion)).append('\n');
            y.append("  serviceCidr: ").append(scalar(d.serviceCidr)).append('\n');
            y.append("  masterSchedulable: ").append(d.masterRunsWorkloads).append('\n');
        }
        return y.toString();
    }

    /** A YAML plain scalar when safe, otherwise double-quoted (so odd user input cannot change structure). */
    static String scalar(String s) {
        String v = s == null ? "" : s;
        if (!v.isEmpty() && v.matches("[A-Za-z0-9][A-Za-z0-9._/-]*") && !v.matches("(?i)true|false|yes|no|null|on|off|~")) {
            return v;
        }
        return '"' + v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
}
