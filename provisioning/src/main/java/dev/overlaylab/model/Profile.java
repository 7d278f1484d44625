package dev.overlaylab.model;

import java.util.List;
import java.util.Optional;

/**
 * A guest OS profile (one YAML file in vm-profiles/): what a node looks like inside.
 *
 * @param name          profile name, e.g. {@code ubuntu-16.04}
 * @param description   one line for people
 * @param box           base image: a Vagrant box name / OVA for VirtualBox, a Debian suite for the local provider
 * @param user          login user on the image
 * @param natNic        the NAT NIC name ({@code enp0s3} on VirtualBox)
 * @param hostOnlyNic   the host-only NIC name ({@code enp0s8}); flanneld's {@code --iface}
 * @param memoryMb      VM memory
 * @param cpus          VM CPUs
 * @param networkTool   how the static host-only address is configured: {@code ifupdown}, {@code netplan}, {@code networkd}
 * @param packages      packages the base stage installs
 * @param dockerd       docker daemon command line start, e.g. {@code /usr/bin/docker daemon} or {@code /usr/sbin/dockerd}
 * @param dockerdArgs   arguments the distribution's unit passes (kept in the drop-in), e.g. {@code -H fd://}
 * @param etcdVersion   etcd version the image ships
 * @param flannelVersion default flannel version for labs on this profile
 * @param etcdUnitName  the etcd unit's name when it is not {@code etcd}
 * @param image         where {@code olab image add} downloads {@code box} from (VirtualBox profiles), if known
 */
public record Profile(
        String name,
        String description,
        String box,
        String user,
        String natNic,
        String hostOnlyNic,
        int memoryMb,
        int cpus,
        String networkTool,
        List<String> packages,
        String dockerd,
        String dockerdArgs,
        String etcdVersion,
        String flannelVersion,
        Optional<String> etcdUnitName,
        Optional<ImageDownload> image) {

    public Profile {
        packages = List.copyOf(packages);
    }

    /** A profile without a download location for its base image. */
    public Profile(String name, String description, String box, String user, String natNic, String hostOnlyNic,
                   int memoryMb, int cpus, String networkTool, List<String> packages, String dockerd, String dockerdArgs,
                   String etcdVersion, String flannelVersion, Optional<String> etcdUnitName) {
        this(name, description, box, user, natNic, hostOnlyNic, memoryMb, cpus, networkTool, packages, dockerd, dockerdArgs,
                etcdVersion, flannelVersion, etcdUnitName, Optional.empty());
    }

    /**
     * The profile's default base image download ({@code imageUrl}, {@code imageSha256} in the profile file).
     *
     * @param url    an http(s) URL of a Vagrant {@code .box} or an {@code .ova}
     * @param sha256 the file's SHA-256 in hex, when the publisher states one; without it the download is
     *               not checked and its digest is shown so it can be pinned
     */
    public record ImageDownload(String url, Optional<String> sha256) {
    }
}
