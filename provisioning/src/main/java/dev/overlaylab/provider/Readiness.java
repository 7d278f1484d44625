package dev.overlaylab.provider;

import java.util.List;

/**
 * Whether one provider can run labs on this machine, as facts a person can check one by one
 * ({@code olab doctor}, the app's start screen): each ok, warn or fail, and for anything not ok the
 * fix that belongs to it. A provider is ready when no fact fails.
 *
 * @param provider the provider id ({@code local}, {@code virtualbox}, {@code hosts})
 * @param facts    in the order a person would check them
 */
public record Readiness(String provider, List<Fact> facts) {

    public enum Level { OK, WARN, FAIL }

    /**
     * One fact about this machine.
     *
     * @param name   what was checked, e.g. "kernel drivers"
     * @param level  ok, warn (works, but worth knowing) or fail (labs of this provider cannot run)
     * @param detail what was found, one line
     * @param fix    what to do, empty when ok
     */
    public record Fact(String name, Level level, String detail, String fix) {
        public static Fact ok(String name, String detail) {
            return new Fact(name, Level.OK, detail, "");
        }

        public static Fact warn(String name, String detail, String fix) {
            return new Fact(name, Level.WARN, detail, fix);
        }

        public static Fact fail(String name, String detail, String fix) {
            return new Fact(name, Level.FAIL, detail, fix);
        }
    }

    public Readiness {
        facts = List.copyOf(facts);
    }

    public boolean ready() {
        return facts.stream().noneMatch(f -> f.level() == Level.FAIL);
    }

    /** The failing facts, each with its fix. */
    public List<Fact> failures() {
        return facts.stream().filter(f -> f.level() == Level.FAIL).toList();
    }
}
