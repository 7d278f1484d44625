package dev.overlaylab.provider.virtualbox;

import dev.overlaylab.exec.ExecRunner;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.model.Profile;
import dev.overlaylab.model.AllowedRanges;
import java.time.Duration;
import java.util.function.Function;

/**
 * What the provider's parts share: settings, the runner, the host, how to find profiles, and the
 * replaceable pieces tests swap (pauses, port probing, SSH banner wait, first login).
 *
 * @param profiles resolves the lab's profile name to a {@link Profile}
 */
public record VirtualBoxContext(
        VirtualBoxSettings settings,
        ExecRunner runner,
        VBoxManageLocator locator,
        HostOs os,
        Function<String, Profile> profiles,
        GuestLogin login,
        PortPicker ports,
        SshBannerWait sshWait,
        VBoxManage.Pause pause) {

    public static VirtualBoxContext forThisMachine(ExecRunner runner, Function<String, Profile> profiles, GuestLogin login) {
        VBoxManage.Pause sleep = d -> Thread.sleep(d.toMillis());
        return new VirtualBoxContext(VirtualBoxSettings.defaults(), runner, VBoxManageLocator.forThisMachine(),
                HostOs.current(), profiles, login, PortPicker.probingLoopback(), SshBannerWait.real(), sleep);
    }

    /** The VM name of a node: {@code <lab>-<node>}. */
    public static String vmName(Lab lab, Node node) {
        return lab.name() + "-" + node.name();
    }

    VBoxManage newVBoxManage(String program) {
        VBoxManage vbox = new VBoxManage(program, runner, 4, Duration.ofSeconds(2), pause);
        vbox.explainWith(() -> new VBoxErrorHints.Host(os, kernelDrivers(vbox.startupBanner()),
                AllowedRanges.read(settings.networksConf())));
        return vbox;
    }

    /** The kernel drivers' state on this host; "loaded" where the settings say not to look (a fake VirtualBox). */
    KernelDrivers kernelDrivers(String banner) {
        return settings.hostRoot().map(root -> KernelDrivers.probe(os, root, banner)).orElseGet(() -> KernelDrivers.loaded(os));
    }
}
