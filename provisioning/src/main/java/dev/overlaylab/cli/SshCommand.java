package dev.overlaylab.cli;

import dev.overlaylab.compose.ShellCommand;
import dev.overlaylab.exec.ProcessRunner;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.ssh.KnownHostsStore;
import dev.overlaylab.ssh.LabKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code olab ssh LAB NODE [COMMAND…]}: a shell on a node, or one command there — what the seeds do between
 * steps ("log in to node1 and curl the ClusterIP"). OpenSSH with exactly what the engine uses (the node's
 * endpoint, the lab's key, the app's known_hosts with strict checking: {@link ShellCommand}), attached to this
 * terminal; the exit code is the remote command's. It logs in as the node's SSH user (root on local and VirtualBox
 * nodes; on existing hosts the user of {@code nodes[].ssh}, without the engine's sudo). OpenSSH joins COMMAND's words
 * with spaces, as {@code ssh} itself does.
 */
@Command(name = "ssh", description = {
    "Open a shell on a node of the lab, or run a command there (OpenSSH with the lab's key and known_hosts).",
    "Example: olab ssh LAB node1 curl -s http://10.96.0.1:443/livez -k"})
final class SshCommand extends LabCommand {
    @Parameters(index = "1", paramLabel = "NODE", description = "the node's name, as in the lab file")
    String node;

    @Parameters(index = "2..*", paramLabel = "COMMAND", description = "a command to run instead of a shell")
    List<String> command = new ArrayList<>();

    @Override
    int run() throws Exception {
        LabInput in = LabInput.open(lab);
        Lab l = in.lab();
        Node endpoint = in.provider().endpoints(l).stream().filter(n -> n.name().equals(node)).findFirst()
                .orElseThrow(() -> new BadInput("lab " + l.name() + " has no node " + node + "; its nodes: "
                        + l.nodes().stream().map(Node::name).collect(Collectors.joining(", "))));
        LabKeys keys = LabKeys.lookup(l.name());   // never made here: a lab that was not brought up has none yet
        if (endpoint.ssh().keyFile().isEmpty() && !keys.exists()) {
            throw new BadInput("lab " + l.name() + " has no SSH key yet: bring it up first with olab up " + lab);
        }
        List<String> argv = new ArrayList<>(ShellCommand.argv(endpoint, keys, KnownHostsStore.standard()));
        if (!command.isEmpty()) {
            argv.remove("-t");      // a command's output is for a pipe as often as for a terminal
            argv.add("--");
            argv.addAll(command);
        }
        return new ProcessRunner().attached(argv, Map.of());
    }
}
