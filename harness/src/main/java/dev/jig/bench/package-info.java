/**
 * In-test benchmarks: {@link dev.jig.bench.Bench} measures code with warmup, calibrated rounds and
 * statistics; {@link dev.jig.bench.Baselines} saves and compares runs; {@link dev.jig.bench.JmhResults}
 * imports JMH's results into the same {@link dev.jig.record.BenchmarkRecord}.
 */
package dev.jig.bench;
