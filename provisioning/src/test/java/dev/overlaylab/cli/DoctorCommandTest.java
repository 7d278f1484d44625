package dev.overlaylab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overlaylab.provider.Readiness;
import dev.overlaylab.provider.Readiness.Fact;
import java.util.List;
import org.junit.jupiter.api.Test;

class DoctorCommandTest {
    @Test
    void oneLinePerFactAndTheFixUnderEachFailure() {
        List<Readiness> report = List.of(
                new Readiness("local", List.of(Fact.ok("root", "running as root"))),
                new Readiness("virtualbox", List.of(Fact.ok("version", "VirtualBox 7.2.22 ('7.2.22_Debianr175245'), driver VBoxDriver72"),
                        Fact.fail("kernel drivers", "/dev/vboxdrv and /dev/vboxnetctl do not exist",
                                "sudo apt install virtualbox-dkms linux-headers-$(uname -r), then sudo modprobe vboxdrv vboxnetadp vboxnetflt"))));

        assertThat(DoctorCommand.text(report)).isEqualTo("""
                local: ready
                  ok    root                       running as root

                virtualbox: NOT READY
                  ok    version                    VirtualBox 7.2.22 ('7.2.22_Debianr175245'), driver VBoxDriver72
                  FAIL  kernel drivers             /dev/vboxdrv and /dev/vboxnetctl do not exist
                                                   fix: sudo apt install virtualbox-dkms linux-headers-$(uname -r), then sudo modprobe vboxdrv vboxnetadp vboxnetflt

                not ready: virtualbox (each FAIL above says its fix)
                """);
    }
}
