package dev.overlaylab.provider.vboxws;

import dev.overlaylab.model.VBoxWebServer;
import dev.overlaylab.provider.Readiness;
import dev.overlaylab.provider.Readiness.Fact;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code olab doctor} for a VirtualBox server: reachable, logged on (auth), VirtualBox and API version
 * and the adapter for it, the machines it holds. Without a configured server there is nothing to
 * check, which is no failure (the provider needs nothing on this machine).
 */
final class WsReadiness {
    private final WsConnector connector;

    WsReadiness(WsConnector connector) {
        this.connector = connector;
    }

    Readiness check(Optional<VBoxWebServer> configured) {
        List<Fact> facts = new ArrayList<>();
        if (configured.isEmpty()) {
            facts.add(Fact.ok("server", "none configured (give a lab file: olab doctor LAB.yaml, or set OLAB_VBOXWS_URL)"));
            return new Readiness(VBoxWsProvider.ID, facts);
        }
        VBoxWebServer s = configured.get();
        facts.add(Fact.ok("server", s.url() + " as " + (s.user().isEmpty() ? "an empty user" : "user '" + s.user() + "'")
                + ", password: " + connector.passwordSource(s)));
        try (WebVirtualBox vb = connector.connect(s)) {
            ServerFacts f = vb.facts();
            facts.add(Fact.ok("reachable, logged on", "IWebsessionManager_logon accepted" + (s.url().startsWith("https") ? " over TLS" : "")));
            facts.add(Fact.ok("VirtualBox version", f.version() + " on " + f.os()));
            facts.add(Fact.ok("API version", f.apiVersion() + ": " + vb.api().getClass().getSimpleName() + ", " + vb.api().provenance()));
            facts.add(Fact.ok("machines", vb.machineNames().size() + " registered"));
        } catch (RuntimeException e) {
            String fix = e instanceof dev.overlaylab.exec.Explained ex ? ex.fix() : "see the message";
            String cause = e instanceof dev.overlaylab.exec.Explained ex ? ex.cause() : e.getMessage();
            facts.add(Fact.fail("reachable, logged on", cause, fix));
        }
        return new Readiness(VBoxWsProvider.ID, facts);
    }
}
