package dev.jig.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jig.profiled.Workload;
import dev.jig.record.ExactProfile;
import dev.jig.record.FlatRow;
import dev.jig.record.ProfileRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The hybrid's counting-only probe ({@code mode = BOTH}): calls exact, no time, on every thread. */
@Timeout(120)
class CallCountTest {

    private static final String FIB = "dev.jig.profiled.Workload.fib";
    private static final ProfileOptions HYBRID = ProfileOptions.exact("dev.jig.profiled").mode(ProfileMode.BOTH);

    private static ProfileRecord hybrid(Runnable work) {
        try (Profiler profiler = Profiler.start(HYBRID)) {
            work.run();
            return profiler.stop();
        }
    }

    private static FlatRow row(ExactProfile profile, String method) {
        return profile.flat().stream().filter(r -> r.method().equals(method)).findFirst()
                .orElseThrow(() -> new AssertionError(method + " not in " + profile.flat()));
    }

    @Test
    void bothCountsFibOf25Exactly242785TimesAndLeavesTimeToTheSamples() {
        ProfileRecord record = hybrid(() -> Workload.fib(25));

        ExactProfile counts = record.exact();
        assertThat(counts.countsOnly()).isTrue();
        assertThat(counts.tree()).isNull();
        assertThat(counts.overheadSubtracted()).isFalse();
        assertThat(counts.flat()).containsExactly(new FlatRow(FIB, 242_785, 0, 0, List.of(), List.of()));
        assertThat(record.sampled()).isNotNull();
    }

    @Test
    void callsOnOtherThreadsAreCountedExactlyToo() throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        ProfileRecord record;
        try (Profiler profiler = Profiler.start(HYBRID)) {
            for (int i = 0; i < 3; i++) {
                threads.add(new Thread(() -> Workload.fib(20))); // 21,891 calls each
            }
            threads.forEach(Thread::start);
            Workload.fib(15); // 1,973 calls on the thread that started the profile
            for (Thread thread : threads) {
                thread.join(30_000);
                assertThat(thread.isAlive()).as("thread still running after 30 s").isFalse();
            }
            record = profiler.stop();
        }

        assertThat(row(record.exact(), FIB).calls()).isEqualTo(3 * 21_891 + 1_973);
    }

    @Test
    void callsOutsideTheSessionAreNotCounted() {
        hybrid(() -> { }); // woven with the counting probe
        Workload.fib(10);
        ProfileRecord record = hybrid(() -> Workload.fib(5));

        assertThat(record.exact().flat()).extracting(FlatRow::method, FlatRow::calls)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(FIB, 15L));
    }

    @Test
    void anExactProfileAfterAHybridOneIsTimedAgain() {
        hybrid(() -> Workload.fib(5));
        ExactProfile timed;
        try (Profiler profiler = Profiler.start(ProfileOptions.exact("dev.jig.profiled"))) {
            Workload.fib(5);
            timed = profiler.stop().exact();
        }

        assertThat(timed.countsOnly()).isFalse();
        assertThat(timed.tree()).isNotNull();
        assertThat(row(timed, FIB).calls()).isEqualTo(15);
        assertThat(row(timed, FIB).callers()).containsExactly(FIB);
    }

    @Test
    void aHybridProfileCannotStartBesideAnExactOne() {
        try (Profiler exact = Profiler.start(ProfileOptions.exact("dev.jig.profiled"))) {
            assertThatThrownBy(() -> Profiler.start(HYBRID))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("one test at a time");
            Workload.fib(5);
            assertThat(row(exact.stop().exact(), FIB).calls()).as("still timed, not re-woven").isEqualTo(15);
        }
    }

    @Test
    void methodsNumberedDuringASessionAreCountedOnEveryThreadPastTheFastPath() throws InterruptedException {
        CallCounter.Session session = CallCounter.begin();
        Map<String, Long> counts;
        try {
            List<Integer> ids = new ArrayList<>();
            for (int i = 0; i < CallCounter.FAST_METHODS + 1_000; i++) {
                int id = CallCounter.id("dev.jig.late.Generated" + i + ".run"); // beyond the session's arrays
                if (id < 100 || id >= CallCounter.FAST_METHODS) {
                    ids.add(id);
                }
            }
            Runnable calls = () -> ids.forEach(id -> {
                CallCounter.count(id);
                CallCounter.count(id);
            });
            Thread other = new Thread(calls);
            other.start();
            calls.run();
            other.join(30_000);
            assertThat(other.isAlive()).as("thread still running after 30 s").isFalse();
        } finally {
            counts = CallCounter.end(session);
        }

        assertThat(counts.values()).allMatch(calls -> calls == 4L);
        assertThat(counts).containsEntry("dev.jig.late.Generated" + (CallCounter.FAST_METHODS + 999) + ".run", 4L)
                .hasSizeGreaterThanOrEqualTo(1_000);
    }
}
