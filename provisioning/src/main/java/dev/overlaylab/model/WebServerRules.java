package dev.overlaylab.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/** {@code server:} is where a {@code virtualbox-ws} lab's VirtualBox is, and only such a lab has one. */
final class WebServerRules {
    private WebServerRules() {
    }

    static void check(Lab lab, List<Problem> out) {
        boolean ws = "virtualbox-ws".equals(lab.provider());
        if (!ws) {
            if (lab.server().isPresent()) {
                out.add(Problem.at("server", "only the virtualbox-ws provider uses a server; this lab's provider is '"
                        + lab.provider() + "' (remove server:, or write provider: virtualbox-ws)"));
            }
            return;
        }
        if (lab.server().isEmpty()) {
            out.add(Problem.at("server", "the virtualbox-ws provider needs the VirtualBox web service's address, e.g."
                    + " server: {url: http://lab-server:" + VBoxWebServer.DEFAULT_PORT + "/, user: you}"));
            return;
        }
        String url = lab.server().get().url();
        try {
            URI u = new URI(url);
            if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null) {
                out.add(Problem.at("server.url", "'" + url + "' is not an http:// or https:// URL with a host, e.g. http://lab-server:"
                        + VBoxWebServer.DEFAULT_PORT + "/"));
            } else if (u.getUserInfo() != null) {
                out.add(Problem.at("server.url", "the URL carries a user or password; put the user in server.user and leave"
                        + " the password out of the file (olab asks for it, or reads OLAB_VBOXWS_PASSWORD)"));
            }
        } catch (URISyntaxException e) {
            out.add(Problem.at("server.url", "'" + url + "' is not a URL: " + e.getReason()));
        }
    }
}
