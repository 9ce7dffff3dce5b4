package io.tenmail.storage.jpa;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts the SELECT statements OpenJPA sends to the database while it is open, from OpenJPA's own
 * SQL log (logger {@code openjpa.jdbc.SQL} at TRACE): how tests show what a cache saves with a
 * count rather than a timing. Counts every thread's statements, so use it where nothing else runs.
 */
public final class SqlStatements extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    private static final String LOGGER = "openjpa.jdbc.SQL";
    private static final Pattern TABLE = Pattern.compile("\\b(?:FROM|JOIN)\\s+([A-Z_][A-Z0-9_]*)");

    /** The tables the directory, spam-policy and Bayes-total answers are read from. */
    public static final Set<String> DIRECTORY_TABLES = Set.of("TENANT", "MAIL_DOMAIN", "DOMAIN_NAME", "ADDRESS", "ACCOUNT",
            "MAIL_ALIAS", "ALIAS_TARGET", "MAIL_GROUP", "GROUP_MEMBER", "SPAM_POLICY", "SPAM_LIST", "BAYES_TOTAL");

    private final ConcurrentLinkedQueue<String> selects = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> executed = new ConcurrentLinkedQueue<>();
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
    public static SqlStatements counting() {
        return new SqlStatements();
    }

    /** SELECT statements executed so far. */
    public long selects() {
        return selects.size();
    }

    /** Statements of every kind executed so far (SELECT, INSERT, UPDATE, DELETE, MERGE), as logged. */
    public List<String> executed() {
        return List.copyOf(executed);
    }

    /** SELECT statements so far that read at least one of {@code tables}. */
    public long selectsReading(Set<String> tables) {
        return selects.stream().filter(sql -> readsAny(sql, tables)).count();
    }

    /** The SELECT statements so far, as logged (for a failing test's message). */
    public List<String> statements() {
        return List.copyOf(selects);
    }

    private static boolean readsAny(String sql, Set<String> tables) {
        Matcher m = TABLE.matcher(sql.toUpperCase(Locale.ROOT));
        while (m.find()) if (tables.contains(m.group(1))) return true;
        return false;
    }

    @Override
    protected void append(ILoggingEvent event) {
        String message = event.getFormattedMessage();
        if (message == null || !message.contains("executing prepstmnt")) return;
        executed.add(message);
        int select = message.indexOf("SELECT");
        if (select >= 0) selects.add(message.substring(select));
    }

    @Override
    public void close() {
        logger.setLevel(previous);
        logger.setAdditive(true);
        logger.detachAppender(this);
        stop();
    }
}
