package dev.overlaylab.app.wizard;

import dev.overlaylab.model.Problem;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Decides which wizard step owns a validation problem, from the problem's field path, so the problem
 * is shown next to the fields a person can change to fix it. Anything no step owns (YAML syntax, the
 * loader itself, verify settings) is shown on the review step.
 */
public final class ProblemRouter {

    private ProblemRouter() {
    }

    /** The step whose fields produce the value at {@code path}, e.g. {@code nodes[1].ip} → NODES. */
    public static WizardStep stepFor(String path) {
        String root = rootOf(path);
        return switch (root) {
            case "name", "provider" -> WizardStep.PROVIDER;
            case "profile", "network", "nodes", "etcd" -> WizardStep.NODES;
            case "flannel", "docker" -> WizardStep.FLANNEL;
            case "kubernetes" -> WizardStep.KUBERNETES;
            default -> WizardStep.REVIEW;
        };
    }

    /** Problems grouped by owning step; every step is present (possibly with an empty list). */
    public static Map<WizardStep, List<Problem>> byStep(List<Problem> problems) {
        Map<WizardStep, List<Problem>> out = new EnumMap<>(WizardStep.class);
        for (WizardStep s : WizardStep.values()) {
            out.put(s, new ArrayList<>());
        }
        for (Problem p : problems) {
            out.get(stepFor(p.path())).add(p);
        }
        return out;
    }

    /** The first step that owns a problem, i.e. where a person should go first; empty when the lab is valid. */
    public static java.util.Optional<WizardStep> firstBlocking(List<Problem> problems) {
        return problems.stream().map(p -> stepFor(p.path())).min(Enum::compareTo);
    }

    /** May the wizard go from {@code step} to the next one? Not while it or an earlier step owns a problem. */
    public static boolean canLeave(WizardStep step, List<Problem> problems) {
        return firstBlocking(problems).map(s -> s.ordinal() > step.ordinal()).orElse(true);
    }

    private static String rootOf(String path) {
        String p = path == null ? "" : path.trim();
        int end = p.length();
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '.' || c == '[') {
                end = i;
                break;
            }
        }
        return p.substring(0, end);
    }
}
