package dev.overlaylab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** olab's log line: what the pattern {@code %d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n} printed before it. */
class LogSetupTest {
    private final LoggerContext context = new LoggerContext();

    private String line(String logger, Level level, String message, Throwable t, Object... args) {
        Logger l = context.getLogger(logger);
        LoggingEvent e = new LoggingEvent(Logger.FQCN, l, level, message, t, args);
        e.setTimeStamp(LocalDateTime.of(2026, 11, 29, 4, 5, 6, 7_000_000).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli());
        LogSetup.LogLine layout = new LogSetup.LogLine();
        layout.setContext(context);
        layout.start();
        return layout.doLayout(e);
    }

    @Test
    void timeLevelAbbreviatedLoggerAndMessageOnOneLine() {
        assertThat(line("dev.overlaylab.ssh.exec", Level.DEBUG, "{} {} ms exit {}", null, "master", 77, 0))
                .isEqualTo("04:05:06.007 DEBUG d.o.ssh.exec - master 77 ms exit 0" + System.lineSeparator());
        assertThat(line("olab", Level.WARN, "short", null)).startsWith("04:05:06.007 WARN  olab - short");
    }

    @Test
    void aThrowableFollowsWithItsStackTrace() {
        String s = line("net.schmizz.sshj.transport.TransportImpl", Level.ERROR, "dying", new IllegalStateException("because"));
        assertThat(s).startsWith("04:05:06.007 ERROR n.s.s.t.TransportImpl - dying" + System.lineSeparator())
                .contains("java.lang.IllegalStateException: because").contains("at dev.overlaylab.cli.LogSetupTest");
    }
}
