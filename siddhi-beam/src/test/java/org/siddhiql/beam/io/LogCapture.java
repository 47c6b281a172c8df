package org.siddhiql.beam.io;

import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/** Collects what a logger logs, as {@code LEVEL message}, while open. */
final class LogCapture extends AbstractAppender implements AutoCloseable {
    private final Logger logger;
    private final List<String> lines;
    private final Level level;

    LogCapture(String loggerName, List<String> lines) {
        super("capture", null, null, true, Property.EMPTY_ARRAY);
        this.logger = (Logger) LogManager.getLogger(loggerName);
        this.lines = lines;
        this.level = logger.getLevel();
        start();
        logger.addAppender(this);
        logger.setLevel(Level.ALL);
    }

    @Override
    public synchronized void append(LogEvent event) {
        lines.add(event.getLevel() + " " + event.getMessage().getFormattedMessage());
    }

    @Override
    public void close() {
        logger.removeAppender(this);
        logger.setLevel(level);
        stop();
    }
}
