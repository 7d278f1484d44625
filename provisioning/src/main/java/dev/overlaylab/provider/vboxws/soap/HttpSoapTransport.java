package dev.overlaylab.provider.vboxws.soap;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLException;

/**
 * SOAP over the JDK's HTTP client: {@code http://} and {@code https://} (certificates checked against
 * Java's trust store; a self-signed server certificate must be imported there, there is no switch that
 * turns the check off). The server answers faults with HTTP 500 and a SOAP body, so every status with
 * a body is handed back to be parsed.
 */
public final class HttpSoapTransport implements SoapTransport {
    private final URI endpoint;
    private final Duration callTimeout;
    private final HttpClient http;

    public HttpSoapTransport(URI endpoint, Duration connectTimeout, Duration callTimeout) {
        this.endpoint = endpoint;
        this.callTimeout = callTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public String exchange(SoapRequest request) {
        HttpRequest req = HttpRequest.newBuilder(endpoint).timeout(callTimeout)
                .header("Content-Type", "text/xml; charset=utf-8").header("SOAPAction", "\"\"")
                .POST(HttpRequest.BodyPublishers.ofString(request.envelope(), StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.body() == null || r.body().isBlank()) {
                throw new WebServiceUnreachableException(endpoint, "HTTP " + r.statusCode() + " with an empty body to "
                        + request.operation(), "is this URL a vboxwebsrv? Its default is http://SERVER:18083/");
            }
            return r.body();
        } catch (ConnectException e) {
            throw new WebServiceUnreachableException(endpoint, "connection refused" + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"),
                    "start the web service on the server (vboxwebsrv -H ADDRESS -p PORT, or its vboxweb-service unit),"
                            + " check the URL's host and port, and that a firewall lets this machine reach it");
        } catch (HttpTimeoutException e) {
            throw new WebServiceUnreachableException(endpoint, "no answer within the timeout (" + e.getMessage() + ")",
                    "check that the server is up and that nothing between here and it drops the port");
        } catch (SSLException e) {
            throw new WebServiceUnreachableException(endpoint, "TLS failed: " + e.getMessage(),
                    "a self-signed server certificate must be trusted by Java: import it with keytool into a trust store"
                            + " and run with -Djavax.net.ssl.trustStore=FILE; or use http:// on a trusted network");
        } catch (IOException e) {
            throw new WebServiceUnreachableException(endpoint, e.getClass().getSimpleName() + ": " + e.getMessage(),
                    "check the URL, that vboxwebsrv runs on the server and that its port is reachable from here");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WebServiceUnreachableException(endpoint, "interrupted", "run again");
        }
    }
}
