package dev.jig.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class FaultScheduleTest {

    @Test
    void nthHitsOnlyThatRequest() {
        FaultSchedule schedule = FaultSchedule.nth(3, Fault.reset());
        assertThat(schedule.faultFor(1)).isEmpty();
        assertThat(schedule.faultFor(3)).contains(Fault.reset());
        assertThat(schedule.faultFor(4)).isEmpty();
    }

    @Test
    void firstRuleThatMatchesWins() {
        FaultSchedule schedule = FaultSchedule.first(2, Fault.close())
                .or(FaultSchedule.every(2, Fault.delay(Duration.ofMillis(5))));
        assertThat(schedule.faultFor(2)).contains(Fault.close());
        assertThat(schedule.faultFor(3)).isEmpty();
        assertThat(schedule.faultFor(4)).contains(Fault.delay(Duration.ofMillis(5)));
        assertThat(schedule.describe())
                .isEqualTo("the first 2 requests: close; every 2th request: delay 5 ms");
    }

    @Test
    void probabilityIsReproducibleAndRoughlyRight() {
        FaultSchedule a = FaultSchedule.probability(0.2, 7, Fault.close());
        FaultSchedule b = FaultSchedule.probability(0.2, 7, Fault.close());
        long hits = LongStream.rangeClosed(1, 10_000).filter(n -> a.faultFor(n).isPresent()).count();
        assertThat(hits).isBetween(1_700L, 2_300L);
        assertThat(LongStream.rangeClosed(1, 1_000).allMatch(n -> a.faultFor(n).equals(b.faultFor(n)))).isTrue();
    }

    @Test
    void randomDelayStaysInItsRange() {
        Fault fault = Fault.randomDelay(Duration.ofMillis(10), Duration.ofMillis(20));
        for (int i = 0; i < 1_000; i++) {
            assertThat(fault.holdBack()).isBetween(Duration.ofMillis(10), Duration.ofMillis(20));
        }
        assertThat(fault.replies()).isTrue();
        assertThat(Fault.garbage(8).replies()).isFalse();
    }

    @Test
    void badInputIsExplained() {
        assertThatThrownBy(() -> FaultSchedule.nth(0, Fault.close())).hasMessageContaining("from 1; got 0");
        assertThatThrownBy(() -> FaultSchedule.probability(1.5, 1, Fault.close())).hasMessageContaining("0 <= p <= 1");
        assertThatThrownBy(() -> Fault.randomDelay(Duration.ofMillis(5), Duration.ofMillis(1)))
                .hasMessageContaining("min <= max");
        assertThatThrownBy(() -> Fault.garbage(0)).hasMessageContaining("at least 1 byte");
        assertThatThrownBy(() -> FaultSchedule.none().faultFor(0)).hasMessageContaining("numbered from 1");
    }
}
