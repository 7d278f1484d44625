package dev.overlaylab.app.engine;

import dev.overlaylab.app.ui.Messages;
import dev.overlaylab.model.Problem;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lab file's field path ({@code flannel.network}, {@code nodes[1].ip}) in the words the app's
 * screens use for that field ("Flannel network", "Node 2's address"), so a problem is never shown
 * as an internal path. A path the table does not know is named by its last part.
 */
public final class FieldNames {
    private static final Pattern NODE = Pattern.compile("nodes\\[(\\d+)](?:\\.(\\w+)(?:\\.(\\w+))?)?.*");

    private FieldNames() {
    }

    public static String of(String path) {
        String p = path == null ? "" : path.strip();
        if (p.isEmpty() || p.startsWith("(")) {
            return "";
        }
        Matcher n = NODE.matcher(p);
        if (n.matches()) {
            int number = Integer.parseInt(n.group(1)) + 1;
            String part = n.group(3) != null ? n.group(2) + "." + n.group(3) : n.group(2);
            String key = "field.node." + (part == null ? "" : part);
            return part == null ? Messages.format("field.node", number)
                    : Messages.has(key) ? Messages.format(key, number)
                    : Messages.format("field.node.other", number, part);
        }
        // The longest known prefix: flannel.backend.VNI before flannel.backend before flannel.
        for (String q = p; !q.isEmpty(); q = q.contains(".") ? q.substring(0, q.lastIndexOf('.')) : "") {
            if (Messages.has("field." + q)) {
                return Messages.get("field." + q);
            }
        }
        return p.substring(p.lastIndexOf('.') + 1);
    }

    /**
     * A problem as a line for people: the field's name (when it has one) and the message. For a file
     * the person wrote ({@code inFile}), also where: its line and the key as they typed it.
     */
    public static String line(Problem p, boolean inFile) {
        String field = of(p.path());
        String text = UserMessages.text(p.message());
        if (!inFile) {
            return (field.isEmpty() ? "" : field + ": ") + text;
        }
        String where = p.line() > 0 ? Messages.format("field.atLine", p.line()) : "";
        String key = p.path() == null || p.path().isBlank() || p.path().startsWith("(") ? ""
                : Messages.format("field.inFile", p.path());
        return where + (field.isEmpty() ? "" : field + key + ": ") + text;
    }
}
