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
import dev.overlaylab.model.Profiles;
import dev.overlaylab.render.RenderException;
import dev.overlaylab.render.RenderedLab;
import dev.overlaylab.render.Renderer;
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

    /** Every node's files from the built-in templates and the lab's profile; a template failure is bad input. */
    static RenderedLab render(Lab lab) {
        try {
            return Renderer.builtIn().render(lab, Profiles.of(lab));
        } catch (RenderException | IllegalArgumentException e) {
            throw new BadInput(e.getMessage());
        }
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
        return new Engine(shells(), EtcdctlConfigStore::new, null);
    }
}
