package dev.overlaylab.provider.vboxws;

/**
 * API {@code 7_1}: 7.1 introduced the platform architecture (ARM hosts), and with it the
 * {@code platform} parameter of {@code createMachine} (VBoxManage 7.0.97, the 7.1 beta, already
 * required {@code --platform-architecture}: hashicorp/packer-plugin-virtualbox #135); the calls this
 * provider makes are taken to be those of 7.2. <b>Not checked against a running 7.1 server</b>: no 7.1
 * was at hand; a difference shows as a SOAP fault naming the operation.
 */
public final class Api71 extends Api72 {
    @Override
    public String apiVersion() {
        return "7_1";
    }

    @Override
    public String provenance() {
        return "from 7.1's documented changes (createMachine gained 'platform' in 7.1), as 7.2; not checked against a running 7.1";
    }
}
