package dev.overlaylab.provider.vboxws.soap;

import dev.overlaylab.exec.Explained;

/** A web-service call that failed, as cause and fix (the provider's {@code WsErrors} writes most of them). */
public class VBoxWebServiceException extends RuntimeException implements Explained {
    private final String cause;
    private final String fix;

    public VBoxWebServiceException(String cause, String fix, Throwable from) {
        super(cause + "\n  fix: " + fix, from);
        this.cause = cause;
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
