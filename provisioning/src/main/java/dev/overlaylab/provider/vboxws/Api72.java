package dev.overlaylab.provider.vboxws;

import dev.overlaylab.provider.vboxws.soap.SoapRequest;

/**
 * API {@code 7_2}: checked against a real {@code vboxwebsrv} 7.2.22 (its WSDL validates every request
 * this client sends; the tests run each operation). {@code createMachine} takes {@code platform}
 * (without it: "Must specify a valid platform architecture") before {@code groups}, and the three
 * encryption parameters at the end.
 */
public class Api72 implements ApiAdapter {
    @Override
    public String apiVersion() {
        return "7_2";
    }

    @Override
    public String provenance() {
        return "checked against a real vboxwebsrv 7.2.22 (its WSDL and the operations themselves)";
    }

    @Override
    public SoapRequest createMachine(String vbox, String name, String osTypeId) {
        return SoapRequest.of("IVirtualBox_createMachine").arg("_this", vbox).arg("settingsFile", "").arg("name", name)
                .arg("platform", "x86").arg("osTypeId", osTypeId).arg("flags", "")
                .arg("cipher", "").arg("passwordId", "").arg("password", "");
    }
}
