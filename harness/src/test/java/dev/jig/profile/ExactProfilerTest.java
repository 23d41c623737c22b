package dev.jig.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jig.profiled.Workload;
import dev.jig.record.CallNode;
import dev.jig.record.ExactProfile;
import dev.jig.record.FlatRow;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class ExactProfilerTest {

    private static final String FIB = "dev.jig.profiled.Workload.fib";

    private static ExactProfile profile(Runnable work) {
        try (Profiler profiler = Profiler.start(ProfileOptions.exact("dev.jig.profiled").foldBelow(0))) {
            work.run();
            return profiler.stop().exact();
        }
    }

    private static FlatRow row(ExactProfile profile, String method) {
        return profile.flat().stream().filter(r -> r.method().equals(method)).findFirst()
                .orElseThrow(() -> new AssertionError(method + " not in " + profile.flat()));
    }

    private static long sumOfSelf(CallNode node) {
        return node.selfNanos() + node.children().stream().mapToLong(ExactProfilerTest::sumOfSelf).sum();
    }

    @Test
    void recursiveFibOf25IsCalledExactly242785Times() {
        ExactProfile profile = profile(() -> Workload.fib(25));

        FlatRow fib = row(profile, FIB);
        assertThat(fib.calls()).isEqualTo(242_785);
        assertThat(fib.totalNanos()).isEqualTo(profile.tree().children().get(0).totalNanos());
        assertThat(fib.callers()).containsExactly(FIB);
        assertThat(profile.overheadSubtracted()).isTrue();
        assertThat(profile.overheadNanosPerCall()).isNotNegative();
    }

    @Test
    void theSelvesAddUpToTheRootsTotal() {
        ExactProfile profile = profile(() -> {
            Workload.fib(15);
            Workload.caller();
        });

        assertThat(sumOfSelf(profile.tree())).isEqualTo(profile.tree().totalNanos());
        long flatSelf = profile.flat().stream().mapToLong(FlatRow::selfNanos).sum();
        assertThat(flatSelf).isEqualTo(profile.tree().totalNanos());
    }

    @Test
    void aMethodThatThrowsIsStillTimed() {
        ExactProfile profile = profile(() -> {
            assertThatThrownBy(() -> Workload.fails(2_000_000)).hasMessage("planned failure");
            Workload.onThreadB(); // the stack is intact after the throw: this is a root, not a child of fails
        });

        FlatRow fails = row(profile, "dev.jig.profiled.Workload.fails");
        assertThat(fails.calls()).isEqualTo(1);
        assertThat(fails.totalNanos()).isGreaterThanOrEqualTo(2_000_000);
        assertThat(profile.tree().children()).extracting(CallNode::frame)
                .contains("dev.jig.profiled.Workload.fails", "dev.jig.profiled.Workload.onThreadB");
    }

    @Test
    void twoThreadsAreKeptApart() throws InterruptedException {
        ExactProfile profile = profile(() -> {
            CountDownLatch bothIn = new CountDownLatch(2);
            Thread a = new Thread(() -> {
                bothIn.countDown();
                Workload.caller();
            });
            Thread b = new Thread(() -> {
                bothIn.countDown();
                Workload.onThreadB();
            });
            a.start();
            b.start();
            join(a);
            join(b);
        });

        assertThat(profile.tree().children()).extracting(CallNode::frame)
                .containsExactlyInAnyOrder("dev.jig.profiled.Workload.caller", "dev.jig.profiled.Workload.onThreadB");
        assertThat(row(profile, "dev.jig.profiled.Workload.onThreadA").callers())
                .containsExactly("dev.jig.profiled.Workload.caller");
        assertThat(row(profile, "dev.jig.profiled.Workload.onThreadB").callers()).isEmpty();
    }

    @Test
    void onlyOneExactProfileRunsAtATime() {
        try (Profiler first = Profiler.start(ProfileOptions.exact("dev.jig.profiled"))) {
            assertThatThrownBy(() -> Profiler.start(ProfileOptions.exact("dev.jig.profiled")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("one test at a time");
            assertThat(first.stop().exact()).isNotNull();
        }
        try (Profiler afterwards = Profiler.start(ProfileOptions.exact("dev.jig.profiled"))) {
            assertThat(afterwards.stop().exact().flat()).isEmpty();
        }
    }

    @Test
    void callsOutsideTheSessionAreNotRecorded() {
        Workload.fib(10); // woven already by an earlier test or not: either way not recorded
        ExactProfile profile = profile(() -> Workload.fib(5));

        assertThat(row(profile, FIB).calls()).isEqualTo(15);
        assertThat(profile.flat()).extracting(FlatRow::method).containsOnly(FIB);
    }

    @Test
    void anExactProfileNeedsAPackage() {
        assertThatThrownBy(() -> ProfileOptions.exact())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jig.profile.include");
    }

    private static void join(Thread thread) {
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(thread.isAlive()).as("thread still running after 30 s").isFalse();
    }

}
