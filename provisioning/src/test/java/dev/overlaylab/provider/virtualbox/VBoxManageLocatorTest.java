package dev.overlaylab.provider.virtualbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VBoxManageLocatorTest {

    @Test
    void pathComesBeforeTheInstallFolders() {
        Set<Path> present = Set.of(Path.of("/opt/tools/VBoxManage"), Path.of("/usr/lib/virtualbox/VBoxManage"));
        VBoxManageLocator l = new VBoxManageLocator(HostOs.LINUX, Map.of("PATH", "/usr/local/bin:/opt/tools"), present::contains);
        assertThat(l.find()).contains(Path.of("/opt/tools/VBoxManage"));
    }

    @Test
    void linuxFindsTheDebianPackageFolder() {
        VBoxManageLocator l = new VBoxManageLocator(HostOs.LINUX, Map.of("PATH", "/bin"),
                Set.of(Path.of("/usr/lib/virtualbox/VBoxManage"))::contains);
        assertThat(l.find()).contains(Path.of("/usr/lib/virtualbox/VBoxManage"));
    }

    @Test
    void macOsFindsTheAppBundle() {
        Path inApp = Path.of("/Applications/VirtualBox.app/Contents/MacOS/VBoxManage");
        VBoxManageLocator l = new VBoxManageLocator(HostOs.MACOS, Map.of("PATH", "/usr/bin"), Set.of(inApp)::contains);
        assertThat(l.find()).contains(inApp);
    }

    @Test
    void windowsUsesTheInstallerVariableThenProgramFiles() {
        Path msi = Path.of("D:\\VBox", "VBoxManage.exe");
        Path pf = Path.of("C:\\Program Files", "Oracle", "VirtualBox", "VBoxManage.exe");
        Map<String, String> env = Map.of("Path", "C:\\Windows", "VBOX_MSI_INSTALL_PATH", "D:\\VBox", "ProgramFiles", "C:\\Program Files");
        assertThat(new VBoxManageLocator(HostOs.WINDOWS, env, Set.of(msi, pf)::contains).find()).contains(msi);
        assertThat(new VBoxManageLocator(HostOs.WINDOWS, env, Set.of(pf)::contains).find()).contains(pf);
    }

    @Test
    void missingVBoxManageSaysWhereItLookedAndWhatToDo() {
        VBoxManageLocator l = new VBoxManageLocator(HostOs.LINUX, Map.of("PATH", "/usr/bin:/bin"), p -> false);
        assertThatThrownBy(l::require)
                .isInstanceOf(VirtualBoxUnavailableException.class)
                .hasMessageStartingWith("VirtualBox is not installed here: no VBoxManage program was found.")
                .hasMessageContaining("looked on PATH and in:")
                .hasMessageContaining("/usr/lib/virtualbox/VBoxManage")
                .hasMessageContaining("install VirtualBox 6.1 or newer")
                .hasMessageContaining("'local' provider");
    }
}
