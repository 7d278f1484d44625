package dev.overlaylab.engine;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts (as {@code diff -u} prints it), for {@code olab diff} and the GUI's
 * config diff view, in GNU {@code diff -u}'s format.
 */
public final class UnifiedDiff {
    private UnifiedDiff() {
    }

    /** The diff from {@code oldText} to {@code newText} with 3 lines of context; empty when equal. */
    public static String diff(String oldName, String oldText, String newName, String newText) {
        return diff(oldName, oldText, newName, newText, 3);
    }

    public static String diff(String oldName, String oldText, String newName, String newText, int context) {
        if (oldText.equals(newText)) {
            return "";
        }
        List<String> a = lines(oldText);
        List<String> b = lines(newText);
        List<Edit> edits = edits(a, b);
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(oldName).append('\n').append("+++ ").append(newName).append('\n');
        int i = 0;
        while (i < edits.size()) {
            if (edits.get(i).kind == ' ') {
                i++;
                continue;
            }
            // a hunk: from `context` lines before this change to `context` lines after the last change
            // that is no more than 2*context unchanged lines away from the previous one
            int start = Math.max(0, i - context);
            int end = i;
            int lastChange = i;
            while (end < edits.size()) {
                if (edits.get(end).kind != ' ') {
                    lastChange = end;
                } else if (end - lastChange > 2 * context) {
                    break;
                }
                end++;
            }
            end = Math.min(edits.size(), lastChange + context + 1);
            hunk(out, edits.subList(start, end));
            i = end;
        }
        return out.toString();
    }

    private static void hunk(StringBuilder out, List<Edit> h) {
        int oldStart = -1;
        int newStart = -1;
        int oldCount = 0;
        int newCount = 0;
        for (Edit e : h) {
            if (e.kind != '+') {
                oldCount++;
                if (oldStart < 0) {
                    oldStart = e.oldLine;
                }
            }
            if (e.kind != '-') {
                newCount++;
                if (newStart < 0) {
                    newStart = e.newLine;
                }
            }
        }
        // diff -u convention: an empty range is shown as the line before it, with count 0
        if (oldStart < 0) {
            oldStart = h.get(0).oldLine - 1;
        }
        if (newStart < 0) {
            newStart = h.get(0).newLine - 1;
        }
        out.append("@@ -").append(range(oldStart, oldCount)).append(" +").append(range(newStart, newCount)).append(" @@\n");
        for (Edit e : h) {
            out.append(e.kind).append(e.text).append('\n');
            if (e.noNewline) {
                out.append("\\ No newline at end of file\n");
            }
        }
    }

    private static String range(int start, int count) {
        return count == 1 ? String.valueOf(start) : start + "," + count;
    }

    private record Edit(char kind, String text, int oldLine, int newLine, boolean noNewline) {
    }

    /**
     * The edit script from java-diff-utils (Myers' algorithm: linear memory, so no size limit),
     * walked into one edit per line. Formatting the hunks stays here because GNU {@code diff -u}'s
     * conventions (a count of 1 left out, an empty range shown as the line before it, the
     * no-newline marker) are what people and patch(1) read, and the library's formatter differs.
     */
    private static List<Edit> edits(List<String> a, List<String> b) {
        List<Edit> edits = new ArrayList<>();
        int i = 0;
        int j = 0;
        for (AbstractDelta<String> d : DiffUtils.diff(a, b).getDeltas()) {
            for (; i < d.getSource().getPosition(); i++, j++) {
                edits.add(edit(' ', a, i, i + 1, j + 1));
            }
            for (int k = 0; k < d.getSource().size(); k++, i++) {
                edits.add(edit('-', a, i, i + 1, j + 1));
            }
            for (int k = 0; k < d.getTarget().size(); k++, j++) {
                edits.add(edit('+', b, j, i + 1, j + 1));
            }
        }
        for (; i < a.size(); i++, j++) {
            edits.add(edit(' ', a, i, i + 1, j + 1));
        }
        return edits;
    }

    private static final String NO_NEWLINE = "\u0000no-newline";

    private static Edit edit(char kind, List<String> from, int index, int oldLine, int newLine) {
        String line = from.get(index);
        boolean noNl = line.endsWith(NO_NEWLINE);
        return new Edit(kind, noNl ? line.substring(0, line.length() - NO_NEWLINE.length()) : line, oldLine, newLine, noNl);
    }

    /** Splits into lines; a last line without a newline carries a marker so it never equals one with it. */
    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        if (text.isEmpty()) {
            return out;
        }
        String[] parts = text.split("\n", -1);
        for (int k = 0; k < parts.length - 1; k++) {
            out.add(parts[k]);
        }
        String last = parts[parts.length - 1];
        if (!last.isEmpty()) {
            out.add(last + NO_NEWLINE);
        }
        return out;
    }
}
