package dev.jig.junit.internal;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.apiguardian.api.API;

/**
 * Which test classes a shard runs. Classes with a known duration (from an earlier run) are dealt the way
 * pytest-split's {@code least_duration} does: longest first, each onto the shard with the least total so far
 * (ties: the lower shard; equal durations: by class name), so the shards take about equally long. A class the
 * durations do not know — a new one, or every class when there are none — goes to the shard given by a CRC-32
 * of its name.
 *
 * <p>Why not the average duration for unknown classes, as pytest-split does: a class's shard must not depend on
 * which other classes one discovery sees. Surefire discovers every class alone first (to learn whether it has
 * tests) and then all of the fork's classes together; a plan that depends on the discovered set would keep a
 * class in the first discovery and drop it in the second. This plan depends only on the durations and the name.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ShardPlan {

    private final Shard shard;
    private final Map<String, Integer> known;

    private ShardPlan(Shard shard, Map<String, Integer> known) {
        this.shard = shard;
        this.known = known;
    }

    /** Deals the classes of {@code durations} (class name to nanoseconds) onto {@code shard.count()} shards. */
    public static ShardPlan of(Shard shard, Map<String, Long> durations) {
        List<Map.Entry<String, Long>> longestFirst = durations.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .toList();
        long[] loads = new long[shard.count()];
        Map<String, Integer> known = new HashMap<>();
        for (Map.Entry<String, Long> entry : longestFirst) {
            int least = 0;
            for (int i = 1; i < loads.length; i++) {
                if (loads[i] < loads[least]) {
                    least = i;
                }
            }
            loads[least] += entry.getValue();
            known.put(entry.getKey(), least + 1);
        }
        return new ShardPlan(shard, Map.copyOf(known));
    }

    /** The shard this plan is for. */
    public Shard shard() {
        return shard;
    }

    /** Which shard (from 1) runs the class. */
    public int shardOf(String className) {
        Integer dealt = known.get(className);
        if (dealt != null) {
            return dealt;
        }
        CRC32 crc = new CRC32();
        crc.update(className.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % shard.count()) + 1;
    }

    /** Whether this shard runs the class. */
    public boolean includes(String className) {
        return shardOf(className) == shard.number();
    }
}
