package dev.jig.record;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A JMH benchmark's result as JMH reported it (the statistics of the record are converted to nanoseconds
 * per operation where the mode allows it).
 *
 * @param mode       {@code thrpt}, {@code avgt}, {@code sample} or {@code ss}
 * @param score      the primary score
 * @param error      the half-width of the 99.9 % confidence interval ({@code null} when JMH had too little data)
 * @param unit       the score's unit, e.g. {@code "ns/op"} or {@code "ops/s"}
 * @param rawData    per fork, the score of each measurement iteration
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record JmhScore(String mode, double score, Double error, String unit, List<List<Double>> rawData) {

    public JmhScore {
        rawData = rawData == null ? List.of() : rawData.stream().map(List::copyOf).toList();
    }
}
