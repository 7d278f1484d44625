package dev.overlaylab.provider.vboxws;

import dev.overlaylab.provider.vboxws.soap.SoapFault;
import dev.overlaylab.provider.vboxws.soap.SoapRequest;
import dev.overlaylab.provider.vboxws.soap.SoapResponse;
import dev.overlaylab.provider.vboxws.soap.SoapTransport;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * One web session on {@code vboxwebsrv}: {@code IWebsessionManager_logon} gives the IVirtualBox
 * reference every later call starts from; {@link #close()} logs off, which frees every reference the
 * session still holds on the server.
 *
 * <p>Managed object references are also released as soon as they are not needed: each
 * {@link #scope()} remembers the references returned while it is open and releases them when it
 * closes ({@code IManagedObjectRef_release}), so a long {@code up} does not pile up thousands of them.
 *
 * <p>The server drops a session idle longer than its {@code --timeout} (300 s by default); while a
 * session is open and idle for {@link #KEEPALIVE}, a cheap {@code IVirtualBox_getAPIVersion} renews it.
 * A fault on a reference the server no longer knows becomes {@link WsErrors#expired}.
 */
public final class WebSession implements AutoCloseable {
    /** How long a session may sit idle before it is renewed; well inside the server's default 300 s. */
    static final Duration KEEPALIVE = Duration.ofSeconds(60);
    private static final Pattern REF = Pattern.compile("[0-9a-f]{16}-[0-9a-f]{16}");

    private final SoapTransport transport;
    private final String url;
    private final String vbox;
    private final Deque<List<String>> scopes = new ArrayDeque<>();
    private final ScheduledExecutorService keepalive;
    private volatile long lastUse = System.nanoTime();
    private Consumer<SoapRequest> trace = r -> { };
    private boolean closed;

    private WebSession(SoapTransport transport, String url, String vbox) {
        this.transport = transport;
        this.url = url;
        this.vbox = vbox;
        this.keepalive = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "olab-vboxws-keepalive");
            t.setDaemon(true);
            return t;
        });
        long every = KEEPALIVE.toSeconds();
        keepalive.scheduleWithFixedDelay(this::renewIfIdle, every, every, TimeUnit.SECONDS);
    }

    /** Logs on; a refused login becomes {@link WsErrors#loginRefused}. {@code url} is only for messages. */
    public static WebSession logon(SoapTransport transport, String url, String user, char[] password) {
        SoapRequest req = SoapRequest.of("IWebsessionManager_logon").arg("username", user)
                .arg("password", new String(password));
        try {
            String ref = SoapResponse.parse(req.operation(), transport.exchange(req)).returnval();
            return new WebSession(transport, url, ref);
        } catch (SoapFault f) {
            throw WsErrors.loginRefused(url, user, f);
        }
    }

    /** The session's IVirtualBox reference. */
    public String vbox() {
        return vbox;
    }

    public String url() {
        return url;
    }

    /** Sees every request sent from now on (the dry run's and the tests' view of the conversation). */
    public synchronized void onRequest(Consumer<SoapRequest> listener) {
        this.trace = listener;
    }

    /** Sends one call; faults become errors a person understands ({@link WsErrors}). */
    public synchronized SoapResponse call(SoapRequest req) {
        if (closed) {
            throw new IllegalStateException("web session to " + url + " is closed");
        }
        trace.accept(req);
        lastUse = System.nanoTime();
        try {
            SoapResponse r = SoapResponse.parse(req.operation(), transport.exchange(req));
            remember(r);
            return r;
        } catch (SoapFault f) {
            if (f.kind() == SoapFault.Kind.INVALID_OBJECT) {
                throw WsErrors.expired(url, req, f);
            }
            throw f;
        }
    }

    /** {@code call(req).returnval()}. */
    public String value(SoapRequest req) {
        return call(req).returnval();
    }

    /** Opens a scope; the references returned until it closes are released then. Scopes nest. */
    public synchronized Scope scope() {
        scopes.push(new ArrayList<>());
        return new Scope();
    }

    /** Releases references the server handed out in a scope. */
    public final class Scope implements AutoCloseable {
        @Override
        public void close() {
            List<String> refs;
            synchronized (WebSession.this) {
                refs = scopes.isEmpty() ? List.of() : scopes.pop();
            }
            for (String ref : refs) {
                release(ref);
            }
        }
    }

    /** Releases one reference now; one the server already forgot is no error. */
    public void release(String ref) {
        try {
            call(SoapRequest.of("IManagedObjectRef_release").arg("_this", ref));
        } catch (RuntimeException gone) {
            // already released, or the session is gone: logoff frees it on the server either way
        }
    }

    private synchronized void remember(SoapResponse r) {
        if (scopes.isEmpty()) {
            return;
        }
        for (String v : r.all("returnval")) {
            if (REF.matcher(v).matches() && !v.equals(vbox)) {
                scopes.peek().add(v);
            }
        }
    }

    private void renewIfIdle() {
        if (System.nanoTime() - lastUse < KEEPALIVE.toNanos()) {
            return;
        }
        try {
            call(SoapRequest.of("IVirtualBox_getAPIVersion").arg("_this", vbox));
        } catch (RuntimeException e) {
            // the next real call reports the problem with its context
        }
    }

    /** Logs off (the server frees every reference of the session); a dead server is no error here. */
    @Override
    public void close() {
        keepalive.shutdownNow();
        synchronized (this) {
            if (closed) {
                return;
            }
            try {
                call(SoapRequest.of("IWebsessionManager_logoff").arg("refIVirtualBox", vbox));
            } catch (RuntimeException e) {
                // expired or unreachable: nothing left to free
            }
            closed = true;
        }
    }
}
