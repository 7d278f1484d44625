package dev.overlaylab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code olab image} arguments as a person types them; nothing here reaches VirtualBox or the network. */
class ImageCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Olab.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void anUnknownNameIsBadInputListingWhatCanBeDownloaded() {
        assertThat(run("image", "add", "windows-95")).isEqualTo(Olab.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("'windows-95' is not a URL, not a file")
                .contains("ubuntu-16.04 (bento/ubuntu-16.04)").contains("ubuntu-22.04 (bento/ubuntu-22.04)");
    }

    @Test
    void aProfileWithoutADownloadSaysHowToGiveOne() {
        // (a profile WITH a download is never added here: that would go to the internet)
        assertThat(run("image", "add", "debian-12-nspawn")).isEqualTo(Olab.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("names no imageUrl").contains("olab image add URL --name bookworm");
    }

    @Test
    void aMalformedChecksumIsBadInput() {
        assertThat(run("image", "add", "ubuntu-16.04", "--sha256", "xyz")).isEqualTo(Olab.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("--sha256 must be 64 hex digits");
    }

    @Test
    void imageWithoutASubcommandShowsItsUsage() {
        assertThat(run("image")).isEqualTo(Olab.EXIT_OK);
        assertThat(out.toString()).contains("add").contains("list").contains("remove");
    }
}
