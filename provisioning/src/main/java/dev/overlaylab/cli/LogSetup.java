package dev.overlaylab.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
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
     * Tells SLF4J its provider (logback), so that the first logger does not search every jar of the class path for
     * one ({@code ServiceLoader}: ~45 ms of CPU in a fresh JVM, async-profiler on a 6-node verify). Call first thing
     * in {@code main}; a provider given by hand ({@code -Dslf4j.provider=...}) still wins.
     */
    public static void bindWithoutSearching() {
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", "ch.qos.logback.classic.spi.LogbackServiceProvider");
            // SLF4J says at INFO that it took the provider from the property: not for olab's users
            if (System.getProperty("slf4j.internal.verbosity") == null) {
                System.setProperty("slf4j.internal.verbosity", "WARN");
            }
        }
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n");
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
