package dev.overlaylab.engine;

/**
 * Why a run stopped, told to a person: what failed where, the evidence, and what to do.
 *
 * @param stage    stage id
 * @param node     node name, empty for lab-wide steps
 * @param step     step name
 * @param what     what failed, one line
 * @param command  the command that failed, empty when none
 * @param evidence its stderr (or another observation), possibly several lines
 * @param fix      what to do about it, empty when unknown
 */
public record Failure(String stage, String node, String step, String what, String command, String evidence, String fix) {

    /** Several lines: the headline, then the command, the evidence and the fix, each labelled. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(node.isEmpty() ? "" : node + ": ").append(stage).append(" / ").append(step).append(" failed: ").append(what);
        if (!command.isEmpty()) {
            sb.append("\n  command: ").append(command);
        }
        if (!evidence.isEmpty()) {
            sb.append("\n  output:  ").append(evidence.replace("\n", "\n           "));
        }
        if (!fix.isEmpty()) {
            sb.append("\n  fix:     ").append(fix);
        }
        return sb.toString();
    }
}
