package dev.overlaylab.provider.vboxws.soap;

import java.net.URI;

/** The web service could not be reached at all (nothing listening, timeout, TLS): what happened and what to check. */
public final class WebServiceUnreachableException extends VBoxWebServiceException {
    public WebServiceUnreachableException(URI endpoint, String what, String fix) {
        super("the VirtualBox web service at " + endpoint + " cannot be reached: " + what, fix, null);
    }
}
