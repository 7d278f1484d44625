package dev.overlaylab.provider.vboxws;

import dev.overlaylab.provider.vboxws.soap.VBoxWebServiceException;
import dev.overlaylab.model.VBoxWebServer;
import dev.overlaylab.provider.vboxws.soap.HttpSoapTransport;
import dev.overlaylab.provider.vboxws.soap.SoapTransport;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Logs on to a lab's server. The password comes, in this order, from {@code OLAB_VBOXWS_PASSWORD}, or
 * (for a server with a user) the prompt; a server with an empty user is taken to use the {@code null}
 * auth library and gets an empty password without asking. It is asked once per provider and kept in
 * memory only. The OS keyring is not read (not done: see docs/virtualbox-ws.md).
 */
public final class WsConnector {
    public static final String PASSWORD_ENV = "OLAB_VBOXWS_PASSWORD";
    static final Duration CONNECT = Duration.ofSeconds(5);
    static final Duration CALL = Duration.ofSeconds(60);

    private final Map<String, String> env;
    private final ServerPasswordPrompt prompt;
    private final Function<URI, SoapTransport> transports;
    private final Map<String, char[]> asked = new java.util.concurrent.ConcurrentHashMap<>();

    public WsConnector(Map<String, String> env, ServerPasswordPrompt prompt, Function<URI, SoapTransport> transports) {
        this.env = env;
        this.prompt = prompt;
        this.transports = transports;
    }

    public static WsConnector real(ServerPasswordPrompt prompt) {
        return new WsConnector(System.getenv(), prompt, u -> new HttpSoapTransport(u, CONNECT, CALL));
    }

    public WebVirtualBox connect(VBoxWebServer server) {
        URI url = URI.create(server.url());
        return WebVirtualBox.connect(transports.apply(url), url, server.user(), password(server));
    }

    /** Where the password will come from, for the dry run and doctor (the password itself is never shown). */
    public String passwordSource(VBoxWebServer server) {
        if (env.get(PASSWORD_ENV) != null) {
            return PASSWORD_ENV;
        }
        return server.user().isEmpty() ? "none (empty user: the server's null auth library)" : "asked when needed";
    }

    char[] password(VBoxWebServer server) {
        String fromEnv = env.get(PASSWORD_ENV);
        if (fromEnv != null) {
            return fromEnv.toCharArray();
        }
        if (server.user().isEmpty()) {
            return new char[0];
        }
        String key = server.user() + "@" + server.url();
        char[] known = asked.get(key);
        if (known != null) {
            return known;
        }
        Optional<char[]> pw = prompt.ask(server.url(), server.user());
        if (pw.isEmpty()) {
            throw new VBoxWebServiceException("no password for " + key + ": none in " + PASSWORD_ENV + " and none typed",
                    "run olab in a terminal to be asked, or set " + PASSWORD_ENV + " for this command", null);
        }
        asked.put(key, pw.get());
        return pw.get();
    }
}
