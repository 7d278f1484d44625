package dev.overlaylab.provider.vboxws;

import dev.overlaylab.provider.vboxws.soap.SoapRequest;

/**
 * API {@code 7_0}: {@code createMachine(settingsFile, name, groups[], osTypeId, flags, cipher, passwordId,
 * password)}: no {@code platform} (added in 7.1), and 7.0 added the three encryption parameters to
 * 6.1's form (phpvirtualbox #313: 6.1 clients had to append them for 7.0). <b>Not checked against a
 * running 7.0 server</b>; written from those sources.
 */
public final class Api70 implements ApiAdapter {
    @Override
    public String apiVersion() {
        return "7_0";
    }

    @Override
    public String provenance() {
        return "from the 7.0 SDK changes (createMachine without 'platform', with cipher/passwordId/password); not checked"
                + " against a running 7.0";
    }

    @Override
    public SoapRequest createMachine(String vbox, String name, String osTypeId) {
        return SoapRequest.of("IVirtualBox_createMachine").arg("_this", vbox).arg("settingsFile", "").arg("name", name)
                .arg("osTypeId", osTypeId).arg("flags", "").arg("cipher", "").arg("passwordId", "").arg("password", "");
    }
}
