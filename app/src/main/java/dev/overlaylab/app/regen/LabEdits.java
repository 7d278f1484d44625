package dev.overlaylab.app.regen;

import dev.overlaylab.app.wizard.BackendChoice;
import dev.overlaylab.model.DockerSettings;
import dev.overlaylab.model.FlannelSettings;
import dev.overlaylab.model.FlannelSettings.Backend;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.LabFileEdit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The edits the regenerate view offers, applied to a loaded lab so that everything else in the lab
 * file (etcd, verify, subnet limits, binary source..., and the file's comments) is kept exactly as
 * it was.
 */
public final class LabEdits {
    private LabEdits() {
    }

    /**
     * Switches the backend, keeping the options the new backend also reads (VNI and Port between
     * vxlan variants, Port for udp) and dropping the others (host-gw reads none).
     */
    public static Lab withBackend(Lab lab, BackendChoice choice) {
        Backend old = lab.flannel().backend();
        Map<String, Object> options = new LinkedHashMap<>();
        if (choice.type().equals(old.type())) {
            old.options().forEach((k, v) -> {
                if (!k.equals("DirectRouting")) {
                    options.put(k, v);
                }
            });
        }
        if (choice.directRouting()) {
            options.put("DirectRouting", true);
        }
        FlannelSettings f = lab.flannel().withBackend(new Backend(choice.type(), options));
        return lab.withFlannel(f);
    }

    /** docker's MTU: empty takes {@code FLANNEL_MTU} from subnet.env (the seeds' way). */
    public static Lab withDockerMtu(Lab lab, OptionalInt mtu) {
        return lab.withDocker(new DockerSettings(mtu));   // keeps every other part, templates: too
    }

    /**
     * The lab file's text with only the values this view changed rewritten in place, so the
     * person's comments, order and layout stay as they wrote them.
     */
    public static String editedText(String fileText, Lab original, Lab changed) {
        LabFileEdit edit = LabFileEdit.of(fileText);
        if (!changed.flannel().backend().equals(original.flannel().backend())) {
            edit = edit.backend(changed.flannel().backend());
        }
        if (!changed.docker().mtu().equals(original.docker().mtu())) {
            edit = edit.dockerMtu(changed.docker().mtu());
        }
        return edit.text();
    }

    public static BackendChoice choiceOf(Lab lab) {
        Backend b = lab.flannel().backend();
        return BackendChoice.of(b.type(), Boolean.TRUE.equals(b.options().get("DirectRouting")));
    }
}
