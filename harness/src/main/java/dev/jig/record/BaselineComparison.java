package dev.jig.record;

import org.apiguardian.api.API;

/**
 * A benchmark against the same benchmark of a saved run.
 *
 * @param mean         the baseline's mean
 * @param deltaPercent how much the current mean differs, in percent (positive: slower)
 * @param significant  whether the difference is beyond the noise of both runs
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record BaselineComparison(double mean, double deltaPercent, boolean significant) {
}
