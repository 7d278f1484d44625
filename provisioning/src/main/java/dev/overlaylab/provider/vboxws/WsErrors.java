package dev.overlaylab.provider.vboxws;

import dev.overlaylab.provider.vboxws.soap.VBoxWebServiceException;
import dev.overlaylab.provider.vboxws.soap.SoapFault;
import dev.overlaylab.provider.vboxws.soap.SoapRequest;
import dev.overlaylab.provider.virtualbox.HostOs;
import dev.overlaylab.provider.virtualbox.KernelDrivers;
import dev.overlaylab.provider.virtualbox.VBoxError;
import dev.overlaylab.provider.virtualbox.VBoxErrorHints;
import java.util.List;
import java.util.Optional;

/**
 * What the web service's faults mean to a person: the same causes and fixes as the {@code virtualbox}
 * provider's ({@link VBoxErrorHints}, {@link KernelDrivers}), said about the server rather than this
 * machine. The server's device nodes cannot be looked at from here, so a missing kernel driver is
 * judged from VirtualBox's text (and said to be judged so).
 */
public final class WsErrors {
    private WsErrors() {
    }

    static VBoxWebServiceException loginRefused(String url, String user, SoapFault f) {
        return new VBoxWebServiceException("the VirtualBox web service at " + url + " refused the login"
                + (user.isEmpty() ? " with an empty user" : " of user '" + user + "'") + ": " + f.message(),
                "check the user and the password (OLAB_VBOXWS_PASSWORD, the keyring or the prompt); the server checks"
                        + " them with its auth library ('VBoxManage setproperty websrvauthlibrary default' for the server's"
                        + " system users; 'null' accepts anyone and belongs on a trusted network only)", f);
    }

    static VBoxWebServiceException expired(String url, SoapRequest req, SoapFault f) {
        return new VBoxWebServiceException("the web session on " + url + " is no longer valid: " + req.operation()
                + " used the reference " + f.badObject().orElse("?") + ", which the server does not know"
                + " (the session was logged off, idle longer than vboxwebsrv's --timeout (300 s by default), or the"
                + " server restarted)", "run the command again: it logs on afresh; if sessions keep expiring, start"
                + " vboxwebsrv with a longer --timeout", f);
    }

    /**
     * A fault of {@code what} (e.g. "start VM lab-master"), judged like the VBoxManage command it
     * corresponds to ({@code subcommand}) on the server described by {@code server}.
     */
    static VBoxWebServiceException explain(String what, String subcommand, String text, ServerFacts server, Throwable f) {
        String detail = text.strip();
        if (driversMissing(subcommand, detail) && server.os() == HostOs.LINUX) {
            KernelDrivers kd = new KernelDrivers(HostOs.LINUX, KernelDrivers.DEVICES, server.packaging(), false);
            return new VBoxWebServiceException(what + " failed on the server " + server.host() + ": VirtualBox's kernel drivers"
                    + " are most likely not loaded there, so it can neither start VMs nor create host-only interfaces"
                    + "\n  evidence: VirtualBox " + server.version() + " said: " + oneLine(detail),
                    "on the server " + server.host() + ": " + kd.fix()
                            + "; then run up again (what was created is kept and reused)", f);
        }
        Optional<VBoxError> known = VBoxErrorHints.explain(subcommand, detail, server.os(), KernelDrivers.loaded(server.os()));
        if (known.isPresent()) {
            return new VBoxWebServiceException(what + " failed on the server " + server.host() + ": " + known.get().cause()
                    + "\n  evidence: " + oneLine(detail), "on the server: " + known.get().fix(), f);
        }
        return new VBoxWebServiceException(what + " failed on the server " + server.host() + ": " + oneLine(detail),
                "read VirtualBox's message above and fix its cause on the server, then run again", f);
    }

    /** The texts VirtualBox gives for a missing vboxdrv/vboxnetctl (7.2.22 seen here; the others quoted in docs/virtualbox.md). */
    static boolean driversMissing(String subcommand, String text) {
        return text.contains("/dev/vboxnetctl") || text.contains("/dev/vboxdrv") || text.contains("Kernel driver not installed")
                || text.contains("VERR_VM_DRIVER_NOT_INSTALLED")
                || (List.of("startvm", "hostonlyif").contains(subcommand)
                        && (text.contains("has terminated unexpectedly during startup with exit code 1")
                                || text.contains("Failed to create the host-only adapter")));
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*\\n\\s*", " ").strip();
    }
}
