package dev.jig.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** A timeline names every moment: the time outside Jig's phases, and what Jig does right after it. */
class TimelineTest {

    @Test
    void aSpanAfterOutsideTimeStartsWhereTheOutsidePhaseEnds() {
        Timeline timeline = Timeline.startingNow();
        try (var setUp = timeline.span("set up")) {
            pause();
        }
        pause();
        try (var connect = timeline.spanAfterOutside("before test body", "connect atm")) {
            pause();
        }

        List<PhaseRecord> phases = timeline.phases();
        assertThat(phases).extracting(PhaseRecord::name).containsExactly("set up", "before test body", "connect atm");
        PhaseRecord setUp = phases.get(0);
        PhaseRecord outside = phases.get(1);
        PhaseRecord connect = phases.get(2);
        assertThat(outside.startNanos()).isEqualTo(end(setUp));
        assertThat(outside.durationNanos()).isPositive();
        assertThat(connect.startNanos()).isEqualTo(end(outside));
        assertThat(connect.durationNanos()).isPositive();
    }

    @Test
    void aSpanThatEndsInTheNextLeavesNoMomentBetweenThem() {
        Timeline timeline = Timeline.startingNow();
        Timeline.Span waits = timeline.span("waits: start recording");
        pause();
        try (var body = waits.then("test body")) {
            pause();
        }
        waits.close(); // closed by then() already: recorded once

        List<PhaseRecord> phases = timeline.phases();
        assertThat(phases).extracting(PhaseRecord::name).containsExactly("waits: start recording", "test body");
        assertThat(phases.get(1).startNanos()).isEqualTo(end(phases.get(0)));
    }

    @Test
    void withNoPhaseYetTheOutsideTimeCountsFromTheOrigin() {
        Timeline timeline = Timeline.startingNow();
        pause();
        try (var setUp = timeline.spanAfterOutside("before set-up", "set up")) {
            pause();
        }

        List<PhaseRecord> phases = timeline.phases();
        assertThat(phases).extracting(PhaseRecord::name).containsExactly("before set-up", "set up");
        assertThat(phases.get(0).startNanos()).isZero();
        assertThat(phases.get(1).startNanos()).isEqualTo(end(phases.get(0)));
    }

    @Test
    void theOutsideTimeStartsWhereTheLatestEndingPhaseEnded() {
        Timeline timeline = Timeline.startingNow();
        long start = System.nanoTime();
        pause();
        long end = System.nanoTime();
        timeline.phase("long", start, end);
        timeline.phase("short, inside the long one", start, start + 1_000);
        pause();
        timeline.phaseSinceLast("after test body");

        PhaseRecord outside = timeline.phases().get(2);
        assertThat(outside.name()).isEqualTo("after test body");
        assertThat(outside.startNanos()).isEqualTo(end - timeline.originNanos());
        assertThat(outside.durationNanos()).isPositive();
    }

    @Test
    void aTimelineThatDoesNotRecordKeepsNoPhases() {
        try (var span = Timeline.NONE.spanAfterOutside("before test body", "test body")) {
            pause();
        }

        assertThat(Timeline.NONE.phases()).isEmpty();
    }

    private static long end(PhaseRecord phase) {
        return phase.startNanos() + phase.durationNanos();
    }

    /** Long enough that {@link System#nanoTime()} moves on. */
    private static void pause() {
        LockSupport.parkNanos(200_000);
    }
}
