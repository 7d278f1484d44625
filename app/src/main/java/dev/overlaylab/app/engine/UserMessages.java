package dev.overlaylab.app.engine;

import dev.overlaylab.app.ui.Messages;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine's texts are written for the command line (and the CLI keeps them); the app says the same
 * in its own words: what happened, and what to click here. Known messages whose cause the app can name
 * better are replaced whole (a lab that is not up, a VM that does not exist); in any other text, advice
 * to run {@code olab up} becomes the button that does it, our own state paths and the seeds' jargon
 * are left out, and a provisioning failure is split into what happened, what to do and the evidence.
 */
public final class UserMessages {

    /** A message replaced whole: its pattern and the app's text made from its groups. */
    private record Known(Pattern pattern, Function<Matcher, String> text) {
    }

    private static final List<Known> KNOWN = List.of(
            // LocalProvider.endpoints: the lab's bridge is not in its state file.
            new Known(Pattern.compile("lab '([^']+)' is not up on this machine \\(no bridge [^)]*\\): run \\S*olab up first"),
                    m -> Messages.format("error.notUp", m.group(1))),
            // VirtualBoxProvider/Lifecycle: the node's VM is missing.
            new Known(Pattern.compile("VM (\\S+) of node (\\S+) does not exist; run '?olab up'?(?: first| to create it)"),
                    m -> Messages.format("error.vmMissing", m.group(2))));

    /** Advice to continue a run that stopped: the failure's Retry button does that. */
    private static final Pattern UP_AGAIN = Pattern.compile("(?:run )?'?(?:\\./)?(?:olab )?up'? again(?: to continue)?");
    /** Advice to bring a lab up that is not: the Provision tab does that. */
    private static final Pattern UP_FIRST = Pattern.compile("run '?(?:\\./)?olab up'?(?: [\\w./-]+\\.ya?ml)?(?: first)?");
    /** Our own bookkeeping paths in parentheses: nothing a person acts on in the app. */
    private static final Pattern STATE_PATH = Pattern.compile(
            "\\s*\\([^()]*/(?:var/lib|var/cache|run)/overlay-lab/[^()]*\\)");
    /** "(seed 000)": the project's origin, not the person's lab. */
    private static final Pattern SEED = Pattern.compile("\\s*\\(seeds? \\d{3}(?:, ?\\d{3})*\\)| as the seeds do");

    /** "nodes[0]" inside a message: the first node, as the screens count. */
    private static final Pattern NODE_PATH = Pattern.compile("\\bnodes\\[(\\d+)]");

    private UserMessages() {
    }

    /** Any engine text as the app shows it. */
    public static String text(String engine) {
        if (engine == null || engine.isBlank()) {
            return "";
        }
        Optional<String> whole = known(engine);
        if (whole.isPresent()) {
            return whole.get();
        }
        String s = engine.strip();
        s = STATE_PATH.matcher(s).replaceAll("");
        s = SEED.matcher(s).replaceAll("").replace("e.g. seeds-lab", "e.g. flannel-lab");
        s = NODE_PATH.matcher(s).replaceAll(m -> Messages.format("field.node.inText", Integer.parseInt(m.group(1)) + 1));
        s = UP_AGAIN.matcher(s).replaceAll(Matcher.quoteReplacement(Messages.get("error.clickRetry")));
        s = UP_FIRST.matcher(s).replaceAll(Matcher.quoteReplacement(Messages.get("error.provisionFirst")));
        return s;
    }

    /** The app's own text for a message it knows whole (a lab that is not up, a missing VM). */
    public static Optional<String> known(String engine) {
        if (engine == null) {
            return Optional.empty();
        }
        for (Known k : KNOWN) {
            Matcher m = k.pattern().matcher(engine.strip());
            if (m.find()) {
                return Optional.of(k.text().apply(m));
            }
        }
        return Optional.empty();
    }

    /** An error's first line, without a Java class name or the CLI's advice. */
    public static String error(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return Messages.format("error.internal", e.getClass().getSimpleName());
        }
        String first = text(m.strip().lines().findFirst().orElse(m));
        Optional<String> fix = Parts.of(m.strip()).fix().map(UserMessages::text).filter(f -> !f.isBlank());
        return fix.isPresent() && !first.contains(fix.get()) ? first + "\n" + Messages.format("error.todo", fix.get()) : first;
    }

    /**
     * A failed provisioning step for the failure banner.
     *
     * @param stageTitle the stage as the grid's header names it
     * @param node       the node it failed on, blank for a lab-wide step
     * @param step       the step's name
     * @param described  the engine's description ({@code Failure.describe()}): headline, then labelled
     *                   command, output and fix lines
     */
    public static String failure(String stageTitle, String node, String step, String described) {
        Parts p = Parts.of(described);
        String where = node == null || node.isBlank()
                ? Messages.format("provision.failure.lab", stageTitle, step)
                : Messages.format("provision.failure.node", stageTitle, node, step);
        StringBuilder b = new StringBuilder(where);
        b.append('\n').append(Messages.format("provision.failure.what", text(p.what())));
        String fix = p.fix().map(UserMessages::text).filter(f -> !f.isBlank())
                .orElse(Messages.get("provision.failure.noFix"));
        b.append('\n').append(Messages.format("provision.failure.todo", fix));
        p.output().ifPresent(o -> b.append('\n').append(Messages.format("provision.failure.output", o)));
        return b.toString();
    }

    /** The labelled lines of {@code Failure.describe()}. */
    record Parts(String what, Optional<String> output, Optional<String> fix) {
        private static final Pattern HEAD = Pattern.compile("^(?:[^:\\n]+: )?[^\\n/]+ / [^\\n]*? failed: (.*)$");

        static Parts of(String described) {
            String[] lines = described == null ? new String[0] : described.split("\n");
            String what = lines.length == 0 ? "" : lines[0];
            Matcher h = HEAD.matcher(what);
            if (h.matches()) {
                what = h.group(1);
            }
            StringBuilder output = new StringBuilder();
            String fix = null;
            String section = "";
            for (int i = 1; i < lines.length; i++) {
                String l = lines[i];
                String t = l.strip();
                if (t.startsWith("command:")) {
                    section = "command";
                } else if (t.startsWith("output:")) {
                    section = "output";
                    output.append(t.substring("output:".length()).strip());
                } else if (t.startsWith("fix:")) {
                    section = "fix";
                    fix = t.substring("fix:".length()).strip();
                } else if (section.equals("output")) {
                    output.append('\n').append(t);
                } else if (section.equals("fix")) {
                    fix = fix + " " + t;
                } else if (!section.equals("command")) {
                    what = what + " " + t;
                }
            }
            String out = output.toString().lines().limit(6).reduce((a, c) -> a + "\n" + c).orElse("");
            return new Parts(what.strip(), out.isBlank() ? Optional.empty() : Optional.of(out),
                    Optional.ofNullable(fix));
        }
    }
}
