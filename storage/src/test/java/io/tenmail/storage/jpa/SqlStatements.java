package io.tenmail.storage.jpa;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the SELECT statements OpenJPA sends to the database while it is open, from OpenJPA's own
 * SQL log (logger {@code openjpa.jdbc.SQL} at TRACE): how tests show what a cache saves with a
 * count rather than a timing. Counts every thread's statements, so use it where nothing else runs.
 */
final class SqlStatements extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    private static final String LOGGER = "openjpa.jdbc.SQL";
    private final AtomicLong selects = new AtomicLong();
    private final Logger logger = (Logger) LoggerFactory.getLogger(LOGGER);
    private final Level previous;

    private SqlStatements() {
        previous = logger.getLevel();
        setContext(logger.getLoggerContext());
        start();
        logger.addAppender(this);
        logger.setAdditive(false);   // counted, not printed
        logger.setLevel(Level.TRACE);
    }

    /** Starts counting. */
    static SqlStatements counting() {
        return new SqlStatements();
    }

    long selects() {
        return selects.get();
    }

    @Override
    protected void append(ILoggingEvent event) {
        String message = event.getFormattedMessage();
        if (message != null && message.contains("executing prepstmnt") && message.contains("SELECT")) selects.incrementAndGet();
    }

    @Override
    public void close() {
        logger.setLevel(previous);
        logger.setAdditive(true);
        logger.detachAppender(this);
        stop();
    }
}
