package dev.jig.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jig.bench.BenchOptions;
import dev.jig.bench.BenchTimer;
import dev.jig.junit.BenchConfig;
import dev.jig.junit.JigConfigurationException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BenchSettingsTest {

    private static BenchSettings settings(Map<String, String> keys) {
        return new BenchSettings(key -> Optional.ofNullable(keys.get(key)));
    }

    @BenchConfig(group = "annotated", maxTime = "2s", threshold = "max:20%")
    static final class Annotated {
    }

    @Test
    void keysSetTheOptionsAndAnAnnotationOverridesThem() {
        BenchConfig annotation = Annotated.class.getAnnotation(BenchConfig.class);
        BenchSettings settings = settings(Map.of("jig.bench.group", "keys", "jig.bench.warmup", "5 rounds",
                "jig.bench.minTime", "200us", "jig.bench.maxTime", "1.5s", "jig.bench.timer", "cpu",
                "jig.bench.gc", "true", "jig.bench.minRounds", "7"));

        BenchOptions fromKeys = settings.options(List.of());
        BenchOptions annotated = settings.options(List.of(annotation));

        assertThat(fromKeys.group()).isEqualTo("keys");
        assertThat(fromKeys.warmupRounds()).isEqualTo(5);
        assertThat(fromKeys.minTime()).isEqualTo(Duration.ofNanos(200_000));
        assertThat(fromKeys.maxTime()).isEqualTo(Duration.ofMillis(1500));
        assertThat(fromKeys.timer()).isSameAs(BenchTimer.CPU);
        assertThat(fromKeys.gcBetweenRounds()).isTrue();
        assertThat(fromKeys.minRounds()).isEqualTo(7);
        assertThat(annotated.group()).isEqualTo("annotated");
        assertThat(annotated.maxTime()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void thresholdsComeFromTheAnnotationThenByNameThenByGroupThenTheGlobalKey() {
        BenchConfig annotation = Annotated.class.getAnnotation(BenchConfig.class);
        BenchSettings settings = settings(Map.of("jig.bench.threshold", "median:15%",
                "jig.bench.threshold.decode", "min:5%", "jig.bench.threshold.codec", "mean:25%"));

        assertThat(settings.threshold(List.of(annotation), "decode", "codec")).hasToString("max:20%");
        assertThat(settings.threshold(List.of(), "decode", "codec")).hasToString("min:5%");
        assertThat(settings.threshold(List.of(), "encode", "codec")).hasToString("mean:25%");
        assertThat(settings.threshold(List.of(), "encode", null)).hasToString("median:15%");
        assertThat(settings(Map.of()).threshold(List.of(), "x", null)).hasToString("median:5%");
    }

    @Test
    void badValuesNameTheKeyAndTheExpectedForm() {
        assertThatThrownBy(() -> settings(Map.of("jig.bench.minRounds", "many")).options(List.of()))
                .isInstanceOf(JigConfigurationException.class)
                .hasMessage("jig.bench.minRounds is 'many'; expected a whole number.");
        assertThatThrownBy(() -> settings(Map.of("jig.bench.threshold", "10")).threshold(List.of(), "x", null))
                .hasMessageStartingWith("jig.bench.threshold: benchmark threshold '10' is not of the form");
        assertThatThrownBy(() -> settings(Map.of("jig.bench.minRounds", "0")).options(List.of()))
                .hasMessage("benchmark options are invalid: minRounds must be at least 1, got 0");
    }

    @Test
    void saveAndCompareAreOffUnlessSet() {
        assertThat(settings(Map.of()).save()).isEmpty();
        assertThat(settings(Map.of("jig.bench.save", "false")).save()).isEmpty();
        assertThat(settings(Map.of("jig.bench.compare", "latest")).compare()).contains("latest");
        assertThat(settings(Map.of()).baselineDir().endsWith(java.nio.file.Path.of(".jig", "baselines"))).isTrue();
    }
}
