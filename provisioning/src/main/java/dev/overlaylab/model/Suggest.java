package dev.overlaylab.model;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean …?" for mistyped field names, backends, providers and profiles. */
final class Suggest {
    private Suggest() {
    }

    /**
     * The known word closest to {@code given}: an exact match ignoring case first (flannel's option
     * names are case-sensitive, so {@code directrouting} must point at {@code DirectRouting}), then the
     * nearest by edit distance if it is close enough to be a typo.
     */
    static Optional<String> closest(String given, Collection<String> known) {
        String lower = given.toLowerCase(Locale.ROOT);
        for (String k : known) {
            if (k.toLowerCase(Locale.ROOT).equals(lower)) {
                return Optional.of(k);
            }
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(lower, k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        int allowed = Math.max(1, Math.min(3, given.length() / 3));
        return bestDistance <= allowed ? Optional.ofNullable(best) : Optional.empty();
    }

    /** {@code "; did you mean X?"} or an empty string. */
    static String didYouMean(String given, Collection<String> known) {
        return closest(given, known).map(k -> "; did you mean " + k + "?").orElse("");
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
