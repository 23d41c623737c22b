package dev.jig.system;

import dev.jig.record.OutputLine;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Ready when a line of output matches; the match's groups are kept and may give the port. */
final class LogLineReady extends ReadyCondition {

    private final String regex;
    private final Pattern pattern;

    LogLineReady(String regex, Duration timeout) {
        super(timeout);
        this.regex = regex;
        this.pattern = Pattern.compile(regex);
    }

    @Override
    ReadyCondition withTimeout(Duration timeout) {
        return new LogLineReady(regex, timeout);
    }

    @Override
    void await(ReadinessWait wait, ReadinessWait.Deadline inherited) throws InterruptedException {
        ReadinessWait.Deadline deadline = deadline(inherited);
        SystemOutput output = wait.target().output();
        AtomicReference<Matcher> match = new AtomicReference<>();
        // Subscribe before reading the history, so that no line falls between the two.
        try (SystemOutput.Subscription subscription = output.subscribe(line -> {
            if (match.get() == null && offer(line, match)) {
                wait.wake();
            }
        })) {
            for (OutputLine line : output.linesOfThisRun()) { // after a restart, the old run's lines do not count
                if (match.get() != null || offer(line, match)) {
                    break;
                }
            }
            while (match.get() == null) {
                long seen = wait.version();
                if (match.get() != null) {
                    break;
                }
                wait.checkRunning(this);
                if (deadline.expired()) {
                    throw wait.timedOut(this, deadline, null);
                }
                wait.sleep(seen, deadline.remaining().toNanos());
            }
        }
        Integer port = portOf(match.get());
        wait.target().captureMatch(match.get(), port);
        if (port != null) {
            wait.hostAddress(port); // a captured port the test cannot reach fails the start here, saying why
        }
    }

    private boolean offer(OutputLine line, AtomicReference<Matcher> match) {
        Matcher matcher = pattern.matcher(line.text());
        return matcher.find() && match.compareAndSet(null, matcher);
    }

    /** The group named "port", or else group 1, if it is a valid port number. */
    private Integer portOf(Matcher matcher) {
        String text;
        if (regex.contains("(?<port>")) {
            text = matcher.group("port");
        } else if (matcher.groupCount() >= 1) {
            text = matcher.group(1);
        } else {
            return null;
        }
        try {
            int port = Integer.parseInt(text == null ? "" : text.trim());
            return port >= 1 && port <= 65535 ? port : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public String describe() {
        return "a log line matching '" + regex + "'";
    }
}
