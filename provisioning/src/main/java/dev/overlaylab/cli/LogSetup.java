package dev.overlaylab.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.pattern.TargetLengthBasedClassNameAbbreviator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

/**
 * The logging set-up of every olab process (CLI, app, tests), in code: found by logback through
 * {@code META-INF/services}, so logback never starts its XML configurator (about 0.25 s of every run's
 * start on this machine, under load 8; this takes a few milliseconds). olab speaks to people through its
 * own progress lines and errors; libraries only say WARN and up ({@code OLAB_LOG_LEVEL}, a system property or an
 * environment variable, changes that).
 * A {@code -Dlogback.configurationFile=...} given by hand still wins: then logback reads that file.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {
    /**
     * sshj logs an ERROR of its own just before the typed exception we raise and explain; the others are
     * libraries that are chatty at INFO.
     */
    private static final Map<String, Level> LIBRARIES = Map.of(
            "net.schmizz", Level.OFF,
            "com.hierynomus", Level.OFF,
            "io.grpc", Level.ERROR,
            "io.netty", Level.ERROR,
            "io.vertx", Level.ERROR,
            "io.etcd", Level.ERROR,
            "org.apache.sshd", Level.WARN);

    /**
     * Tells SLF4J its provider ({@link LogProvider}: logback, set up here), so that neither SLF4J nor logback searches
     * every jar of the class path ({@code ServiceLoader}, twice: ~45 and ~50 ms of CPU in a fresh JVM,
     * async-profiler). Call first thing in {@code main}; a provider given by hand ({@code -Dslf4j.provider=...}) still
     * wins. Without it (tests, other entry points) logback finds this class as a configurator the usual way.
     */
    public static void bindWithoutSearching() {
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", "dev.overlaylab.cli.LogProvider");
            // SLF4J says at INFO that it took the provider from the property: not for olab's users
            if (System.getProperty("slf4j.internal.verbosity") == null) {
                System.setProperty("slf4j.internal.verbosity", "WARN");
            }
        }
    }

    /**
     * {@code %d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n} and the stack trace, without {@code PatternLayout}: its
     * start (a converter map of some 60 entries, the pattern parser) took ~73 ms of CPU at every olab start,
     * async-profiler on a 2-node verify, for lines that are seldom printed (WARN and up by default).
     */
    static final class LogLine extends LayoutBase<ILoggingEvent> {
        private final TargetLengthBasedClassNameAbbreviator abbreviator = new TargetLengthBasedClassNameAbbreviator(20);

        @Override
        public String doLayout(ILoggingEvent e) {
            LocalTime t = LocalTime.ofInstant(Instant.ofEpochMilli(e.getTimeStamp()), ZoneId.systemDefault());
            StringBuilder sb = new StringBuilder(128);
            two(sb, t.getHour()).append(':');
            two(sb, t.getMinute()).append(':');
            two(sb, t.getSecond()).append('.');
            int ms = t.getNano() / 1_000_000;
            sb.append(ms < 100 ? (ms < 10 ? "00" : "0") : "").append(ms).append(' ');
            String level = e.getLevel().toString();
            sb.append(level).append(" ".repeat(Math.max(0, 5 - level.length()))).append(' ');
            sb.append(abbreviator.abbreviate(e.getLoggerName())).append(" - ").append(e.getFormattedMessage())
                    .append(CoreConstants.LINE_SEPARATOR);
            if (e.getThrowableProxy() != null) {
                sb.append(ThrowableProxyUtil.asString(e.getThrowableProxy())).append(CoreConstants.LINE_SEPARATOR);
            }
            return sb.toString();
        }

        private static StringBuilder two(StringBuilder sb, int n) {
            return sb.append(n < 10 ? "0" : "").append(n);
        }
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        LogLine line = new LogLine();
        line.setContext(context);
        line.start();
        encoder.setLayout(line);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        LIBRARIES.forEach((name, level) -> context.getLogger(name).setLevel(level));
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        // as the XML set-up before it did: -DOLAB_LOG_LEVEL=... first, then the environment variable
        root.setLevel(Level.toLevel(System.getProperty("OLAB_LOG_LEVEL", System.getenv("OLAB_LOG_LEVEL")), Level.WARN));
        root.addAppender(stderr);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
