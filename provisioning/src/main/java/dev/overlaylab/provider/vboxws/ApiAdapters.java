package dev.overlaylab.provider.vboxws;

import dev.overlaylab.provider.vboxws.soap.VBoxWebServiceException;
import java.util.List;

/** The adapter for a server's API version; any other version is refused before anything is sent. */
public final class ApiAdapters {
    public static final List<ApiAdapter> ALL = List.of(new Api70(), new Api71(), new Api72());

    private ApiAdapters() {
    }

    public static ApiAdapter pick(String apiVersion, String serverVersion, String url) {
        return ALL.stream().filter(a -> a.apiVersion().equals(apiVersion)).findFirst()
                .orElseThrow(() -> new VBoxWebServiceException("the VirtualBox web service at " + url + " runs VirtualBox "
                        + serverVersion + " (API " + apiVersion + "), which this Overlay Lab does not speak; supported APIs: "
                        + String.join(", ", ALL.stream().map(ApiAdapter::apiVersion).toList()),
                        "use a server with VirtualBox 7.0, 7.1 or 7.2, or update Overlay Lab (a newer API may have changed"
                                + " createMachine or launchVMProcess)", null));
    }
}
