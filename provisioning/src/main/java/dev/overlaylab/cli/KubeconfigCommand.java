package dev.overlaylab.cli;

import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Profiles;
import dev.overlaylab.provider.local.HostChecks;
import dev.overlaylab.provider.local.KubernetesCache;
import dev.overlaylab.render.Renderer;
import dev.overlaylab.render.kube.KubeFiles;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code olab kubeconfig LAB}: an admin kubeconfig for the lab's Kubernetes, so {@code kubectl} works from
 * this machine. Its server is the master's host-only address, which the host reaches on every provider.
 * Written into the lab's state folder (never into ~/.kube, which belongs to the person), or to stdout.
 */
@Command(name = "kubeconfig", description = {
    "Write an admin kubeconfig for the lab's Kubernetes (lab files with a kubernetes: section) and print its path.",
    "Use it with: export KUBECONFIG=<path>; kubectl get nodes"})
final class KubeconfigCommand extends LabCommand {
    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "where to write it ('-' for stdout); default: the lab's state folder")
    String output;

    @Override
    int run() throws Exception {
        Lab l = LabInput.load(lab);
        if (l.kubernetes().isEmpty()) {
            throw new BadInput(lab + " has no kubernetes: section, so the lab runs no Kubernetes; add 'kubernetes: {}' and run olab up");
        }
        Path pki = KubeFiles.pkiDir(l.name());
        if (!Files.isRegularFile(pki.resolve("ca.crt"))) {
            throw new BadInput("lab " + l.name() + " has no Kubernetes certificates yet (" + pki + "): bring it up first with olab up " + lab);
        }
        String text = Renderer.forLab(l).adminKubeconfig(l, Profiles.of(l), "admin kubeconfig of lab " + l.name() + ", written by olab kubeconfig");
        PrintWriter out = out();
        if ("-".equals(output)) {
            out.print(text);
            out.flush();
            return Olab.EXIT_OK;
        }
        Path file = output != null ? Path.of(output) : pki.getParent().resolve("admin.kubeconfig");
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        Files.writeString(tmp, text);
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));   // it holds the admin's key
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        out.println(file.toAbsolutePath());
        out.println("# kubectl from this machine: export KUBECONFIG=" + file.toAbsolutePath() + "; " + kubectl(l) + " get nodes");
        out.flush();
        return Olab.EXIT_OK;
    }

    /**
     * {@code kubectl} when one is on PATH; otherwise the one {@code olab setup kubernetes} built beside the lab's
     * binaries, so the printed line works on a machine that never had kubectl.
     */
    private static String kubectl(Lab l) {
        if (HostChecks.onPath("kubectl").isPresent()) {
            return "kubectl";
        }
        Path cached = KubernetesCache.dir(KubernetesCache.root(), l.kubernetes().orElseThrow().version()).resolve("kubectl");
        return Files.isExecutable(cached) ? cached.toString() : "kubectl";
    }
}
