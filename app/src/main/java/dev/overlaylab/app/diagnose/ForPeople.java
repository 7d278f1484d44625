package dev.overlaylab.app.diagnose;

import java.util.regex.Pattern;

/**
 * The engine's texts are written for the command line; these screens are not it. Command advice
 * ("olab up does both", "run olab diagnose --fix") becomes the button that does the same here, and an
 * error shows its first line without a Java class name.
 */
public final class ForPeople {
    /** "olab up", with its lab file when one is named (a word with a dot or slash: "does" is not a lab). */
    private static final Pattern OLAB_UP = Pattern.compile("\\bolab up( [A-Za-z0-9_-]*[./][A-Za-z0-9._/-]*)?");
    /** Any other command advice, to the end of its sentence (a dot inside "lab.yaml" does not end it): dropped. */
    private static final Pattern OLAB_ADVICE = Pattern.compile("\\s*[(;]?\\s*(?:run |try |then |see )?\\bolab (?:[^.;)\\n]|\\.(?=\\S))*[.;)]?");

    private ForPeople() {
    }

    /** A finding's fix as the Diagnose tab shows it: {@code button} is what does the engine's up there. */
    public static String fix(String text, String button) {
        return dropAdvice(OLAB_UP.matcher(text).replaceAll(button));
    }

    /** Advice that ended a sentence leaves the sentence's end behind. */
    private static String dropAdvice(String text) {
        return OLAB_ADVICE.matcher(text).replaceAll(m -> m.group().endsWith(".") ? "." : "").replaceAll(" +", " ").strip();
    }

    /** An error's message for a banner: its first line, no exception class, no command-line advice. */
    public static String error(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return "an unexpected internal error (" + e.getClass().getSimpleName() + ")";
        }
        String first = m.strip().lines().findFirst().orElse(m);
        // A message the app knows whole says what to click; any other loses its command advice here
        // (this tab has no Provision button), then gets the app's one mapping (state paths, jargon).
        java.util.Optional<String> known = dev.overlaylab.app.engine.UserMessages.known(first);
        if (known.isPresent()) {
            return known.get();
        }
        String clean = dropAdvice(first);
        return dev.overlaylab.app.engine.UserMessages.text(clean.isEmpty() ? first : clean);
    }
}
