package dev.overlaylab.provider.vboxws.soap;

import dev.overlaylab.exec.Explained;
import java.net.URI;

/** The web service could not be reached at all (nothing listening, timeout, TLS): what happened and what to check. */
public final class WebServiceUnreachableException extends RuntimeException implements Explained {
    private final String cause;
    private final String fix;

    public WebServiceUnreachableException(URI endpoint, String what, String fix) {
        super("the VirtualBox web service at " + endpoint + " cannot be reached: " + what + "\n  fix: " + fix);
        this.cause = "the VirtualBox web service at " + endpoint + " cannot be reached: " + what;
        this.fix = fix;
    }

    @Override
    public String cause() {
        return cause;
    }

    @Override
    public String fix() {
        return fix;
    }
}
