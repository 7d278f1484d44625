package dev.overlaylab.provider.vboxws.soap;

/**
 * Sends one request and returns the body of the answer (a response or a fault). The real one is
 * {@link HttpSoapTransport}; tests wrap it to see every request the client sends.
 */
@FunctionalInterface
public interface SoapTransport {
    String exchange(SoapRequest request);
}
