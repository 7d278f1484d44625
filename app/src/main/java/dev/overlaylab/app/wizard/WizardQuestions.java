package dev.overlaylab.app.wizard;

import dev.overlaylab.app.ui.Dialogs;
import dev.overlaylab.app.ui.Messages;
import dev.overlaylab.model.Lab;
import java.awt.Component;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.swing.JOptionPane;

/**
 * The questions the wizard asks before it does something that cannot be undone: replacing a lab
 * file, building machines, throwing edits away. The safe answer is always the default (Enter).
 */
final class WizardQuestions {
    private WizardQuestions() {
    }

    /** A lab file of that name exists: "replace", "rename" (the default) or "cancel". */
    static String overwrite(Component parent, Path target) {
        return Dialogs.ask(parent, "wizard.overwrite", Messages.get("wizard.overwrite.title"), JOptionPane.WARNING_MESSAGE,
                Messages.format("wizard.overwrite.text", target.getFileName(), target.toAbsolutePath().getParent()),
                "rename", "cancel",
                new Dialogs.Answer("replace", Messages.get("wizard.overwrite.replace")),
                new Dialogs.Answer("rename", Messages.get("wizard.overwrite.rename")),
                new Dialogs.Answer("cancel", Messages.get("wizard.cancel")));
    }

    /** What provisioning will create, named: "provision", "createOnly" (the file only) or "cancel" (the default). */
    static String confirmProvision(Component parent, Lab lab) {
        return Dialogs.ask(parent, "wizard.confirmProvision", Messages.get("confirm.provision.title"),
                JOptionPane.QUESTION_MESSAGE, ProvisionPreview.describe(lab, ProvisionPreview.runningAsRoot()),
                "cancel", "cancel",
                new Dialogs.Answer("provision", Messages.get("confirm.provision.yes")),
                new Dialogs.Answer("createOnly", Messages.get("confirm.provision.createOnly")),
                new Dialogs.Answer("cancel", Messages.get("wizard.cancel")));
    }

    /** Cancel with edits: "discard" or "keep" (the default). */
    static String discard(Component parent, String labName) {
        return Dialogs.ask(parent, "wizard.discard", Messages.get("wizard.discard.title"), JOptionPane.QUESTION_MESSAGE,
                Messages.format("wizard.discard.text", labName.isBlank() ? Messages.get("wizard.discard.unnamed") : labName),
                "keep", "keep",
                new Dialogs.Answer("discard", Messages.get("wizard.discard.discard")),
                new Dialogs.Answer("keep", Messages.get("wizard.discard.keep")));
    }

    /** The lab file could not be written: says where and why. */
    static void saveFailed(Component parent, Path target, Throwable err) {
        Dialogs.ask(parent, "wizard.saveFailed", Messages.get("wizard.title"), JOptionPane.ERROR_MESSAGE,
                Messages.format("wizard.saveFailed", target, String.valueOf(err.getMessage())), "ok", "ok",
                new Dialogs.Answer("ok", Messages.get("dialog.ok")));
    }

    /** {@code base}, or {@code base-2}, {@code base-3}, ...: the first with no lab file of that name in {@code dir}. */
    static String freeName(Path dir, String base) {
        String name = base;
        for (int i = 2; i < 1000 && Files.exists(dir.resolve(name + ".yaml")); i++) {
            name = base + "-" + i;
        }
        return name;
    }
}
