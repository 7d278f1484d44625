package dev.overlaylab.provider;

import java.util.List;

/**
 * {@code olab doctor}: every provider's {@link Readiness} on this machine, in the registry's order.
 * Providers are asked one after another (VirtualBox's checks run VBoxManage a few times).
 */
public final class Doctor {
    private Doctor() {
    }

    /** The report of the providers whose id is in {@code only}, or of all when {@code only} is empty. */
    public static List<Readiness> check(Providers providers, List<String> only) {
        return providers.all().stream().filter(p -> only.isEmpty() || only.contains(p.id())).map(Provider::readiness).toList();
    }

    /** Ready when every provider checked is. */
    public static boolean ready(List<Readiness> report) {
        return report.stream().allMatch(Readiness::ready);
    }
}
