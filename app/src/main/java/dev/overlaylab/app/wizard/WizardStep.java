package dev.overlaylab.app.wizard;

import java.util.Locale;

/** The wizard's pages in order; {@link #key()} names its messages. */
public enum WizardStep {
    PROVIDER, NODES, FLANNEL, KUBERNETES, REVIEW, PROVISION;

    public String key() {
        return "wizard.step." + name().toLowerCase(Locale.ROOT);
    }

    public boolean isLast() {
        return this == PROVISION;
    }
}
