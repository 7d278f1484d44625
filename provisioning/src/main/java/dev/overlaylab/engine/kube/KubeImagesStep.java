package dev.overlaylab.engine.kube;

import dev.overlaylab.engine.Step;
import dev.overlaylab.engine.StepContext;
import dev.overlaylab.engine.StepResult;
import dev.overlaylab.exec.Commands;
import dev.overlaylab.render.kube.KubeFiles;
import dev.overlaylab.verify.PodImage;
import java.time.Duration;
import java.util.List;

/**
 * The images pods need, in containerd's {@code k8s.io} namespace, without a registry: lab nodes reach
 * none. The sandbox ("pause") image is the node's busybox-static sleeping, and the lab's pod image
 * ({@code verify.image}, made by the docker stage from busybox-static) is copied over from docker, so
 * pods can run {@code docker.io/olab/busybox} with {@code imagePullPolicy: Never} (or IfNotPresent).
 */
public final class KubeImagesStep implements Step {
    static final Duration LIMIT = Duration.ofMinutes(3);

    @Override
    public String name() {
        return "pod images";
    }

    static String podImageRef(String image) {
        String name = image.contains(":") ? image : image + ":latest";
        return name.contains("/") && name.substring(0, name.indexOf('/')).contains(".") ? name : "docker.io/" + name;
    }

    @Override
    public List<String> plan(StepContext ctx) {
        return List.of("import " + KubeFiles.PAUSE_IMAGE + " (busybox sleeping) and " + podImageRef(ctx.lab().verify().image())
                + " into containerd's k8s.io namespace unless it has them");
    }

    @Override
    public StepResult apply(StepContext ctx) {
        String image = ctx.lab().verify().image();
        String pod = podImageRef(image);
        String have = ctx.probe("ctr -n k8s.io images ls -q").stdout();
        boolean pause = have.lines().anyMatch(KubeFiles.PAUSE_IMAGE::equals);
        boolean busybox = have.lines().anyMatch(pod::equals);
        if (pause && busybox) {
            return StepResult.unchanged(KubeFiles.PAUSE_IMAGE + " and " + pod + " present");
        }
        PodImage.ensure(ctx.shell(), image);
        String pauseName = KubeFiles.PAUSE_IMAGE.substring("docker.io/".length());
        String snapshotter = KubeFiles.inContainer(dev.overlaylab.model.Profiles.of(ctx.lab())) ? " --snapshotter native" : "";
        StringBuilder cmd = new StringBuilder("set -e; ");
        if (!pause) {
            cmd.append("docker image inspect ").append(pauseName).append(" >/dev/null 2>&1 || { d=$(mktemp -d); ")
                    .append("mkdir -p \"$d/bin\"; cp /bin/busybox \"$d/bin/busybox\"; ln -s busybox \"$d/bin/sleep\"; ")
                    .append("tar -C \"$d\" -c . | docker import -c 'ENTRYPOINT [\"/bin/sleep\", \"2147483647\"]' - ")
                    .append(pauseName).append(" >/dev/null; rm -rf \"$d\"; }; ");
        }
        cmd.append("docker save ").append(pause ? "" : pauseName + " ").append(busybox ? "" : Commands.quote(image))
                .append(" | ctr -n k8s.io images import").append(snapshotter).append(" - >/dev/null");
        ctx.run(cmd.toString(), LIMIT, "could not put the pod images into containerd",
                "docker and containerd must run on " + ctx.node().name() + ", with /bin/busybox from busybox-static");
        return StepResult.changed("imported " + (pause ? "" : KubeFiles.PAUSE_IMAGE + " ") + (busybox ? "" : pod));
    }
}
