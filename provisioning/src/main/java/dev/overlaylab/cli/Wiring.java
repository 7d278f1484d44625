package dev.overlaylab.cli;

import dev.overlaylab.model.Lab;
import dev.overlaylab.plan.Engine;
import dev.overlaylab.plan.EtcdctlConfigStore;
import dev.overlaylab.plan.NodeShellFactory;
import dev.overlaylab.provider.Provider;
import dev.overlaylab.provider.Providers;
import dev.overlaylab.provider.hosts.HostsProvider;
import dev.overlaylab.provider.hosts.KeyInstaller;
import dev.overlaylab.provider.hosts.PasswordPrompt;
import dev.overlaylab.render.RenderedLab;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place the command line picks the real parts: renderer, SSH shells, etcd store, providers,
 * verifier. Everything else in the CLI is independent of which implementation sits here.
 */
final class Wiring {
    private Wiring() {
    }

    /** Thrown for input that cannot be used (exit 2), with the message for the person. */
    static final class BadInput extends RuntimeException {
        BadInput(String message) {
            super(message);
        }
    }

    static RenderedLab render(Lab lab) {
        throw new IllegalStateException("this build has no renderer yet (render layer not merged)");
    }

    static NodeShellFactory shells() {
        return (lab, node) -> {
            throw new IllegalStateException("this build has no SSH layer yet (ssh layer not merged): cannot reach " + node.name());
        };
    }

    static KeyInstaller keyInstaller() {
        return (lab, node, password) -> {
            throw new IllegalStateException("this build has no SSH layer yet: cannot install the lab key on " + node.name());
        };
    }

    static Providers providers(PasswordPrompt prompt) {
        List<Provider> all = new ArrayList<>();
        all.add(new HostsProvider(shells(), keyInstaller(), prompt));
        return new Providers(all);
    }

    static Engine engine() {
        return new Engine(shells(), EtcdctlConfigStore::new, new dev.overlaylab.diagnose.VerifyAndDiagnose());
    }
}
