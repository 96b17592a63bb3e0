package org.defenderconnector.app.server.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Captures everything logback logs while installed: our packages at DEBUG, everything else at INFO,
 * with exception messages and stack traces, so leak tests can search the text a log file would hold.
 */
public final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    private final List<String> lines = new ArrayList<>();
    private final Logger root;
    private final Logger ours;
    private final Level rootLevel;
    private final Level oursLevel;

    public LogCapture() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        ours = context.getLogger("org.defenderconnector");
        rootLevel = root.getLevel();
        oursLevel = ours.getLevel();
        setContext(context);
        setName("leak-test-capture");
        start();
        root.addAppender(this);
        root.setLevel(Level.INFO);
        ours.setLevel(Level.DEBUG);
    }

    @Override
    protected synchronized void append(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(event.getLevel() + " " + event.getLoggerName() + " " + event.getFormattedMessage());
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            text.append("\n").append(t.getClassName()).append(": ").append(t.getMessage());
            for (StackTraceElementProxy frame : t.getStackTraceElementProxyArray()) {
                text.append("\n  ").append(frame.getSTEAsString());
            }
        }
        lines.add(text.toString());
    }

    public synchronized String text() {
        return String.join("\n", lines);
    }

    public synchronized int size() {
        return lines.size();
    }

    @Override
    public void close() {
        root.detachAppender(this);
        root.setLevel(rootLevel);
        ours.setLevel(oursLevel);
        stop();
    }
}
