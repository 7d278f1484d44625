package dev.overlaylab.provider.vboxws.soap;

import java.util.Optional;

/**
 * A SOAP fault from {@code vboxwebsrv}, as the WSDL declares them: a {@code RuntimeFault} (VirtualBox
 * refused the call: its COM result code and an {@code IVirtualBoxErrorInfo} reference) or an
 * {@code InvalidObjectFault} (a managed object reference the server no longer knows: released,
 * logged off, or the web session timed out).
 */
public final class SoapFault extends RuntimeException {
    public enum Kind { RUNTIME, INVALID_OBJECT, OTHER }

    private final String operation;
    private final Kind kind;
    private final String faultString;
    private final Long resultCode;
    private final String badObject;

    public SoapFault(String operation, Kind kind, String faultString, Long resultCode, String badObject) {
        super(operation + ": " + faultString);
        this.operation = operation;
        this.kind = kind;
        this.faultString = faultString;
        this.resultCode = resultCode;
        this.badObject = badObject;
    }

    public String operation() {
        return operation;
    }

    public Kind kind() {
        return kind;
    }

    /** The server's text, e.g. {@code VirtualBox error: apirc=0x80bb0001 Could not find a registered machine named 'x'}. */
    public String faultString() {
        return faultString;
    }

    /** The COM result code of a runtime fault as VirtualBox prints it, e.g. {@code 0x80bb0001}. */
    public Optional<String> resultHex() {
        return Optional.ofNullable(resultCode).map(c -> String.format("0x%08x", c & 0xffffffffL));
    }

    public Optional<String> badObject() {
        return Optional.ofNullable(badObject);
    }

    /** VBOX_E_OBJECT_NOT_FOUND: the machine, snapshot or interface asked for does not exist. */
    public boolean notFound() {
        return resultHex().filter("0x80bb0001"::equals).isPresent();
    }

    /** The text without the "VirtualBox error: apirc=… " prefix the server puts before VirtualBox's own message. */
    public String message() {
        String t = faultString.replaceFirst("^VirtualBox error: ", "").replaceFirst("^apirc=0x[0-9a-fA-F]+ ", "");
        return t.replaceFirst("\\s*\\(0x[0-9a-fA-F]+\\)$", "");
    }
}
