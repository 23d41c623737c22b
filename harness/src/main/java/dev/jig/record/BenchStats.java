package dev.jig.record;

import org.apiguardian.api.API;

/**
 * Statistics of one benchmark, per operation, in the benchmark's unit.
 *
 * @param min        fastest round
 * @param max        slowest round
 * @param mean       mean
 * @param stddev     standard deviation
 * @param median     median
 * @param q1         first quartile
 * @param q3         third quartile
 * @param iqr        q3 − q1
 * @param outliers   rounds outside 1.5 IQR of the quartiles (Tukey)
 * @param ops        operations per second
 * @param rounds     measured rounds
 * @param iterations operations per round
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record BenchStats(double min, double max, double mean, double stddev, double median, double q1, double q3,
                         double iqr, long outliers, double ops, long rounds, long iterations) {
}
