package dev.overlaylab.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LogbackServiceProvider;
import ch.qos.logback.core.CoreConstants;

/**
 * logback as SLF4J's provider, configured by {@link LogSetup} directly: olab's {@code main} names this class
 * ({@link LogSetup#bindWithoutSearching}), so neither SLF4J nor logback searches the class path for providers and
 * configurators ({@code ServiceLoader}: ~50 ms of CPU at every start, before the first line, async-profiler on a
 * 2-node verify). A {@code -Dlogback.configurationFile=...} given by hand gets logback's own start-up, which reads it.
 */
public final class LogProvider extends LogbackServiceProvider {
    @Override
    public void initialize() {
        if (System.getProperty("logback.configurationFile") != null) {
            super.initialize();
            return;
        }
        LoggerContext context = (LoggerContext) getLoggerFactory();
        context.setName(CoreConstants.DEFAULT_CONTEXT_NAME);
        context.setMDCAdapter(getMDCAdapter());
        LogSetup setup = new LogSetup();
        setup.setContext(context);
        setup.configure(context);
        context.start();
    }
}
