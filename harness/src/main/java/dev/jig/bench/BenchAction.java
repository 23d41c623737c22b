package dev.jig.bench;

import org.apiguardian.api.API;

/**
 * The measured operation of {@link Bench#run(String, BenchAction)}; its result is consumed by a
 * {@link Blackhole} so that the work is not optimised away.
 *
 * @param <T> what the operation returns
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface BenchAction<T> {

    /** Performs the operation once. */
    T call() throws Exception;
}
