package dev.overlaylab.provider.virtualbox;

/**
 * A VBoxManage failure we recognise: one line of cause and the fix that belongs to it.
 *
 * @param cause what happened, one line
 * @param fix   what to do
 */
public record VBoxError(String cause, String fix) {
}
