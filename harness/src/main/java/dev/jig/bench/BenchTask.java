package dev.jig.bench;

import org.apiguardian.api.API;

/**
 * A measured operation that returns nothing, for {@link Bench#run(String, BenchTask)}. Prefer
 * {@link BenchAction}, whose result is consumed for you; otherwise feed values into {@link Bench#blackhole()}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface BenchTask {

    /** Performs the operation once. */
    void run() throws Exception;
}
