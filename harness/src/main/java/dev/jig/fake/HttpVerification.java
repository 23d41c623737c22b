package dev.jig.fake;

import com.github.tomakehurst.wiremock.matching.RequestPattern;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import dev.jig.support.Durations;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * Waits for the requests a test expects a {@link FakeHttpServer} to receive, then lets WireMock judge, so
 * that a system that answers its client before calling the fake does not make the test flaky.
 */
final class HttpVerification {

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private HttpVerification() {
    }

    static void atLeastOnce(FakeHttpServer fake, Duration within, RequestPatternBuilder pattern) {
        RequestPattern expected = Objects.requireNonNull(pattern, "pattern").build();
        int seen = waitFor(fake, within, expected, 1);
        if (seen < 1) {
            throw failure(fake, within, "at least one request matching", expected, seen);
        }
    }

    static void exactly(FakeHttpServer fake, Duration within, int count, RequestPatternBuilder pattern) {
        if (count < 0) {
            throw new IllegalArgumentException("verify(count, ...) needs a count >= 0; got " + count + ".");
        }
        RequestPattern expected = Objects.requireNonNull(pattern, "pattern").build();
        int seen = waitFor(fake, within, expected, count);
        if (seen != count) {
            throw failure(fake, within, "exactly " + count + " requests matching", expected, seen);
        }
    }

    /** Polls until {@code atLeast} requests matched or {@code within} passed; returns the last count. */
    private static int waitFor(FakeHttpServer fake, Duration within, RequestPattern expected, int atLeast) {
        long deadline = System.nanoTime() + within.toNanos();
        int seen = count(fake, expected);
        while (seen < atLeast && System.nanoTime() < deadline) {
            LockSupport.parkNanos(POLL_NANOS);
            seen = count(fake, expected);
        }
        return seen;
    }

    private static int count(FakeHttpServer fake, RequestPattern expected) {
        return fake.wiremock().countRequestsMatching(expected).getCount();
    }

    private static VerificationException failure(FakeHttpServer fake, Duration within, String what,
                                                 RequestPattern expected, int seen) {
        List<HttpExchange> journal = fake.journal();
        String received = journal.isEmpty() ? "It received no requests."
                : "It received " + journal.size() + " requests:\n" + journal.stream()
                        .map(exchange -> "  " + exchange.formatted()).collect(Collectors.joining("\n"));
        String closest = fake.wiremock().findTopNearMissesFor(expected).getNearMisses().stream().findFirst()
                .map(miss -> "\nClosest request:\n" + new com.github.tomakehurst.wiremock.verification.diff
                        .PlainTextDiffRenderer(java.util.Map.of()).render(miss.getDiff()).strip())
                .orElse("");
        return new VerificationException(fake.name() + " (fake http at " + fake.address() + ") expected " + what
                + "\n  " + expected.toString().replace("\n", "\n  ").strip() + "\nwithin "
                + Durations.human(within) + " but " + seen + " matched. " + received + closest);
    }
}
