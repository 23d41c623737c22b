package dev.jig.profile;

import dev.jig.record.SampledFlatRow;
import dev.jig.record.SampledProfile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * How far two sampled profiles of the same work agree, by self time: the methods their top-N lists share, and
 * the overlap of their self-time shares ({@code Σ min(shareA, shareB)} over all methods: 1 when the shares are
 * equal, 0 when no method is in both). The overlap is the robust measure: two methods of nearly equal weight
 * swapping places across rank N change the top-N count but barely the overlap.
 *
 * <pre>{@code
 * Agreement agreement = Agreement.of(jig.sampled(), reference.sampled(), 10);
 * agreement.shared();    // 9: nine of the ten methods are in both top-10 lists
 * agreement.overlap();   // 0.93
 * }</pre>
 *
 * @param top     the first profile's top-N methods by self samples
 * @param other   the second profile's
 * @param shared  how many methods are in both lists
 * @param overlap the overlap of the self-time shares, 0..1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Agreement(List<String> top, List<String> other, int shared, double overlap) {

    public Agreement {
        top = List.copyOf(top);
        other = List.copyOf(other);
    }

    /** The agreement of {@code a} and {@code b} on their top {@code n} methods by self samples. */
    public static Agreement of(SampledProfile a, SampledProfile b, int n) {
        return of(selfSamples(a), selfSamples(b), n);
    }

    /** The agreement of two method → self-weight maps (samples, nanoseconds, any unit: shares are compared). */
    public static Agreement of(Map<String, ? extends Number> a, Map<String, ? extends Number> b, int n) {
        List<String> topA = top(a, n);
        List<String> topB = top(b, n);
        List<String> both = new ArrayList<>(topA);
        both.retainAll(Set.copyOf(topB));
        return new Agreement(topA, topB, both.size(), overlap(a, b));
    }

    /** Self samples per method of {@code profile}. */
    public static Map<String, Long> selfSamples(SampledProfile profile) {
        Map<String, Long> self = new HashMap<>();
        for (SampledFlatRow row : profile.flat()) {
            if (row.selfSamples() > 0) {
                self.merge(row.method(), row.selfSamples(), Long::sum);
            }
        }
        return self;
    }

    private static List<String> top(Map<String, ? extends Number> weights, int n) {
        List<String> methods = new ArrayList<>(weights.keySet());
        methods.sort((x, y) -> {
            int byWeight = Double.compare(weights.get(y).doubleValue(), weights.get(x).doubleValue());
            return byWeight != 0 ? byWeight : x.compareTo(y);
        });
        return List.copyOf(methods.subList(0, Math.min(n, methods.size())));
    }

    private static double overlap(Map<String, ? extends Number> a, Map<String, ? extends Number> b) {
        double totalA = a.values().stream().mapToDouble(Number::doubleValue).sum();
        double totalB = b.values().stream().mapToDouble(Number::doubleValue).sum();
        if (totalA <= 0 || totalB <= 0) {
            return 0;
        }
        double sum = 0;
        for (Map.Entry<String, ? extends Number> entry : a.entrySet()) {
            Number other = b.get(entry.getKey());
            if (other != null) {
                sum += Math.min(entry.getValue().doubleValue() / totalA, other.doubleValue() / totalB);
            }
        }
        return sum;
    }
}
