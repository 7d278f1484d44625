package dev.overlaylab.diagnose;

/**
 * One piece of a finding's evidence: where it was seen, the command that showed it, and the lines that
 * matter. Node and command are empty for facts of the lab file or the matrix as a whole.
 */
public record Excerpt(String node, String command, String text) {

    public Excerpt {
        node = node == null ? "" : node;
        command = command == null ? "" : command;
        text = text == null ? "" : text.strip();
    }

    /** A fact already written as one line (the rules of rows 1-12 say node and command within the line). */
    public static Excerpt line(String text) {
        return new Excerpt("", "", text);
    }

    /** One line for people: {@code node $ command: text}, or whichever parts exist. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        if (!node.isEmpty()) {
            b.append(node).append(command.isEmpty() ? ": " : " $ ");
        }
        if (!command.isEmpty()) {
            b.append(command).append(text.contains("\n") ? ":\n" : " → ");
        }
        return b.append(text).toString();
    }
}
