package dev.overlaylab.provider.virtualbox;

/**
 * The warning that Linux packages' {@code /usr/bin/VBoxManage} start-up script prints on STDOUT,
 * before every command, when the kernel driver is missing. Debian's (seen on the real 7.2.22 of
 * Debian sid):
 *
 * <pre>
 * WARNING: The character device /dev/vboxdrv does not exist.
 * 	 Please install the virtualbox-dkms package and the appropriate
 * 	 headers, most likely linux-headers-amd64.
 *
 * 	 You will not be able to start VMs until this problem is fixed.
 * </pre>
 *
 * Oracle's and Fedora's say "WARNING: The vboxdrv kernel module is not loaded. ..." and end with the
 * same last line (recorded in minikube #4043 and #5291, myspaghetti/macos-virtualbox #534). The
 * command runs anyway, so the block is cut off before anything parses stdout, and kept as evidence.
 *
 * @param banner the warning block, empty when there was none
 * @param rest   stdout without it
 */
record StartupBanner(String banner, String rest) {
    private static final String LAST_LINE = "You will not be able to start VMs until this problem is fixed.";

    static StartupBanner split(String stdout) {
        if (!stdout.startsWith("WARNING: The ")) {
            return new StartupBanner("", stdout);
        }
        int end = stdout.indexOf(LAST_LINE);
        if (end < 0) {
            return new StartupBanner("", stdout);
        }
        int cut = stdout.indexOf('\n', end);
        cut = cut < 0 ? stdout.length() : cut + 1;
        return new StartupBanner(stdout.substring(0, cut).strip(), stdout.substring(cut));
    }

    boolean present() {
        return !banner.isEmpty();
    }
}
