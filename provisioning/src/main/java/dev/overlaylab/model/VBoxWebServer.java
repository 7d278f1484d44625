package dev.overlaylab.model;

/**
 * The VirtualBox web service a {@code virtualbox-ws} lab runs on (lab file: {@code server:}). No
 * password: it comes from a prompt, the OS keyring or {@code OLAB_VBOXWS_PASSWORD}, never from the file.
 *
 * @param url  e.g. {@code http://lab-server:18083/} or {@code https://…}
 * @param user the web-service user; empty for a server with the {@code null} auth library
 */
public record VBoxWebServer(String url, String user) {
    public static final String DEFAULT_PORT = "18083";
}
