package dev.overlaylab.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a lab file names on the machine that runs it, checked where that machine is known (olab
 * validate, the app's validation) rather than in {@link Validator}, which judges the file alone and
 * must pass for a lab written here to be used elsewhere. Today: {@code flannel.binary.file}, the
 * flanneld program copied from this machine to every node.
 */
public final class HostFiles {
    private HostFiles() {
    }

    public static List<Problem> problems(Lab lab) {
        List<Problem> out = new ArrayList<>();
        lab.flannel().binary().file().filter(f -> f.startsWith("/")).ifPresent(f -> {
            Path p = Path.of(f);
            if (!Files.exists(p)) {
                out.add(Problem.at("flannel.binary.file", "'" + f + "' does not exist on this machine; flanneld is copied"
                        + " from here to every node: give the path of a flanneld program that exists, or a url to download one"));
            } else if (!Files.isRegularFile(p)) {
                out.add(Problem.at("flannel.binary.file", "'" + f + "' is not a file; give the path of the flanneld program itself"));
            }
        });
        return out;
    }
}
