package dev.overlaylab.model;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * For a file that is not valid YAML: the field path the parser was inside when it gave up
 * ({@code flannel.version}), so even a syntax error names a field. Replays the parser's events up
 * to the error, keeping a stack of the mappings and lists it is in.
 */
final class YamlErrorPath {
    private YamlErrorPath() {
    }

    /** The path being read when parsing failed; {@code (yaml)} when the error is outside any field. */
    static String of(String yaml) {
        Deque<Frame> stack = new ArrayDeque<>();
        try {
            Iterator<Event> events = new Parse(LoadSettings.builder().build()).parseString(yaml).iterator();
            while (events.hasNext()) {
                Event e = events.next();
                switch (e.getEventId()) {
                    case MappingStart -> {
                        itemStarts(stack);
                        stack.push(new Frame(true));
                    }
                    case SequenceStart -> {
                        itemStarts(stack);
                        stack.push(new Frame(false));
                    }
                    case MappingEnd, SequenceEnd -> {
                        stack.pop();
                        valueDone(stack);
                    }
                    case Scalar -> scalar(stack, ((ScalarEvent) e).getValue());
                    case Alias -> valueDone(stack);
                    default -> {
                    }
                }
            }
        } catch (YamlEngineException | java.util.NoSuchElementException e) {
            return path(stack);
        }
        return "(yaml)";
    }

    private static void scalar(Deque<Frame> stack, String value) {
        Frame top = stack.peek();
        if (top != null && top.mapping && top.expectKey) {
            top.key = value;
            top.expectKey = false;
        } else {
            valueDone(stack);
        }
    }

    /** A value begins in the innermost collection (for a list: its next item is now open). */
    private static void itemStarts(Deque<Frame> stack) {
        Frame top = stack.peek();
        if (top != null && !top.mapping) {
            top.itemOpen = true;
        }
    }

    /** A complete value was read in the innermost collection. */
    private static void valueDone(Deque<Frame> stack) {
        Frame top = stack.peek();
        if (top == null) {
            return;
        }
        if (top.mapping) {
            top.expectKey = true;
        } else {
            top.index++;
            top.itemOpen = false;
        }
    }

    private static String path(Deque<Frame> stack) {
        StringBuilder p = new StringBuilder();
        Iterator<Frame> outerFirst = stack.descendingIterator();
        while (outerFirst.hasNext()) {
            Frame f = outerFirst.next();
            // Between two items or two fields the error belongs to the enclosing collection.
            if (!f.mapping && f.itemOpen) {
                p.append('[').append(f.index).append(']');
            } else if (f.mapping && !f.expectKey) {
                p.append(p.length() == 0 ? "" : ".").append(f.key);
            } else {
                break;
            }
        }
        return p.length() == 0 ? "(yaml)" : p.toString();
    }

    private static final class Frame {
        final boolean mapping;
        boolean expectKey = true;
        String key;
        int index;
        boolean itemOpen;

        Frame(boolean mapping) {
            this.mapping = mapping;
        }
    }
}
