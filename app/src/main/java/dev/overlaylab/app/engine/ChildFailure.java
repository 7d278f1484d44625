package dev.overlaylab.app.engine;

import dev.overlaylab.exec.Commands;
import dev.overlaylab.exec.ExecResult;

/**
 * Why the app's privileged {@code olab} ended without its closing summary, told as cause, evidence
 * and a fix that belongs to it: the password dialog dismissed, no polkit agent, sudo refusing this
 * user, or {@code olab} itself stopping (bad lab file, a missing program), whose own message and fix
 * are passed on as they are.
 */
final class ChildFailure {
    private ChildFailure() {
    }

    static String explain(RootAccess.Way way, String what, ExecResult r) {
        String err = r.stderr().strip();
        String cause;
        String fix;
        String terminal = "or run it in a terminal: sudo olab " + what + " LAB.yaml";
        if (way == RootAccess.Way.PKEXEC && r.exitCode() == 126) {
            cause = "the administrator password was not given (the pkexec dialog was dismissed or the password refused)";
            fix = "press the button again and enter an administrator's password, " + terminal;
        } else if (way == RootAccess.Way.PKEXEC && err.contains("No authentication agent")) {
            cause = "pkexec found no polkit authentication agent in this session to ask for the password";
            fix = "start your desktop's polkit agent (GNOME and KDE run one; elsewhere e.g. lxpolkit or"
                    + " polkit-gnome-authentication-agent-1), then try again, " + terminal;
        } else if (way == RootAccess.Way.PKEXEC && r.exitCode() == 127 && err.contains("Not authorized")) {
            cause = "polkit does not allow this user to run programs as root";
            fix = "ask an administrator of this machine to run it, " + terminal + " (as a user who may)";
        } else if (way != RootAccess.Way.PKEXEC && err.contains("not in the sudoers")) {
            cause = "sudo does not allow this user to run programs as root";
            fix = "ask an administrator to add you to the sudo group (adduser USER sudo), then log in again";
        } else if (way != RootAccess.Way.PKEXEC && err.contains("incorrect password")) {
            cause = "sudo did not accept the password";
            fix = "try again with your own password (sudo asks for yours, not root's), " + terminal;
        } else if (way != RootAccess.Way.PKEXEC && (err.contains("password is required") || err.contains("no askpass program"))) {
            cause = "sudo wants a password and has no way to ask for it from the app";
            fix = "install pkexec (apt-get install pkexec) or an askpass program (apt-get install ssh-askpass) and start the"
                    + " app again, " + terminal;
        } else if (r.exitCode() == 1 || r.exitCode() == 2) {
            // olab itself stopped before its run (its usual message: what, and the fix that belongs to it)
            return err.isEmpty() ? "olab " + what + " failed (exit " + r.exitCode() + ") and said nothing; command: "
                    + r.commandLine() : err;
        } else {
            cause = "olab " + what + " as root ended without a result (exit " + r.exitCode() + ")";
            fix = "run it in a terminal to see all it says: sudo olab " + what + " LAB.yaml";
        }
        return cause + (err.isEmpty() ? "" : "\n  output:  " + Commands.excerpt(err, 800).replace("\n", "\n           "))
                + "\n  command: " + r.commandLine() + "\n  fix:     " + fix;
    }
}
