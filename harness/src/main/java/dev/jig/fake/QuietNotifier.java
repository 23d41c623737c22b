package dev.jig.fake;

import com.github.tomakehurst.wiremock.common.Notifier;
import dev.jig.support.JigLog;

/**
 * WireMock's messages, minus the ones Jig reports better itself: unmatched requests go to the journal,
 * the failure message and the record, not to the console of every test.
 */
final class QuietNotifier implements Notifier {

    private final String name;

    QuietNotifier(String name) {
        this.name = name;
    }

    @Override
    public void info(String message) {
        // WireMock's info messages describe each request: the journal has them
    }

    @Override
    public void error(String message) {
        if (!message.contains("Request was not matched")) {
            JigLog.warn("fake http " + name + ": " + message);
        }
    }

    @Override
    public void error(String message, Throwable t) {
        JigLog.warn("fake http " + name + ": " + message, t);
    }
}
