package dev.overlaylab.app.wizard;

import dev.overlaylab.model.FlannelSettings;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import java.util.Optional;

/** Turns a loaded lab back into an editable draft (the regenerate view edits labs this way). */
public final class DraftMapper {
    private DraftMapper() {
    }

    public static WizardDraft fromLab(Lab lab) {
        WizardDraft d = new WizardDraft();
        d.name = lab.name();
        d.provider = lab.provider();
        d.profile = lab.profile();
        d.hostCidr = lab.network().cidr();
        d.nodes.clear();
        for (Node n : lab.nodes()) {
            d.nodes.add(new WizardDraft.NodeRow(n.name(), n.ip()));
        }
        FlannelSettings f = lab.flannel();
        d.flannelNetwork = f.network();
        d.subnetLen = f.subnetLen();
        d.ipMasq = f.ipMasq();
        boolean direct = Boolean.TRUE.equals(f.backend().options().get("DirectRouting"));
        d.backend = BackendChoice.of(f.backend().type(), direct);
        d.port = intOption(f.backend().options().get("Port")).orElse(d.backend.defaultPort());
        d.vni = intOption(f.backend().options().get("VNI")).orElse(1);
        d.dockerMtu = lab.docker().mtu();
        d.savedAs = lab.source();
        return d;
    }

    private static Optional<Integer> intOption(Object v) {
        if (v instanceof Number n) {
            return Optional.of(n.intValue());
        }
        try {
            return v == null ? Optional.empty() : Optional.of(Integer.parseInt(v.toString()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
