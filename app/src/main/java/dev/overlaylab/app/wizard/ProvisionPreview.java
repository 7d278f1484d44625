package dev.overlaylab.app.wizard;

import dev.overlaylab.app.ui.Messages;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.provider.local.LocalNames;
import dev.overlaylab.provider.local.LocalProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What provisioning a lab will make on this machine and on its nodes, in the person's words and with
 * the names it will have — asked before the wizard provisions, so that nothing is built by accident.
 */
public final class ProvisionPreview {
    private ProvisionPreview() {
    }

    /** The question's text for {@code lab}; {@code root} says whether this process runs as root. */
    public static String describe(Lab lab, boolean root) {
        List<String> made = new ArrayList<>();
        String nodes = lab.nodes().stream().map(n -> n.name() + " (" + n.ip() + ")").collect(Collectors.joining(", "));
        switch (lab.provider()) {
            case LocalProvider.ID -> {
                LocalNames names = new LocalNames(lab.name(), LocalProvider.DEFAULT_STATE_ROOT);
                made.add(Messages.format("confirm.provision.local.nodes", lab.nodes().size(), lab.nodes().stream()
                        .map(n -> names.machine(n.name()) + " (" + n.ip() + ")").collect(Collectors.joining(", "))));
                made.add(Messages.format("confirm.provision.local.bridge", names.bridge(), lab.network().hostIp(),
                        lab.network().cidr()));
                made.add(Messages.format("confirm.provision.local.state", names.labDir()));
            }
            case "virtualbox", "virtualbox-ws" -> {
                made.add(Messages.format("confirm.provision.vbox.nodes", lab.nodes().size(), lab.nodes().stream()
                        .map(n -> lab.name() + "-" + n.name() + " (" + n.ip() + ")").collect(Collectors.joining(", "))));
                made.add(Messages.format("confirm.provision.vbox.network", lab.network().cidr(), lab.network().hostIp()));
            }
            default -> made.add(Messages.format("confirm.provision.hosts.nodes", nodes));
        }
        String etcd = lab.etcdNodes().stream().map(Node::name).collect(Collectors.joining(", "));
        made.add(Messages.format("confirm.provision.services", etcd, lab.flannel().backend().type(),
                lab.flannel().network()));
        String list = made.stream().map(m -> "\u2022 " + m).collect(Collectors.joining("\n"));
        return Messages.format(root ? "confirm.provision.text.root" : "confirm.provision.text", lab.name(), list);
    }

    /** True when this process runs as root (effective uid 0), as the local provider needs. */
    public static boolean runningAsRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    String[] f = line.substring(4).trim().split("\\s+");
                    return f.length > 1 && f[1].equals("0");
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through to the user name
        }
        return "root".equals(System.getProperty("user.name"));
    }
}
