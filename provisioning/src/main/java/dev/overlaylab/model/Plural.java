package dev.overlaylab.model;

/** A count with its noun for people: "1 check", "2 checks", "0 checks". Only regular nouns (+s). */
public final class Plural {
    private Plural() {
    }

    public static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
