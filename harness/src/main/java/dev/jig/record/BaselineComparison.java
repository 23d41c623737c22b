package dev.jig.record;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.apiguardian.api.API;

/**
 * A benchmark against the same benchmark of a saved run.
 *
 * @param mean         the baseline's mean
 * @param deltaPercent how much the current mean differs, in percent (positive: slower)
 * @param significant  whether the difference is beyond the noise of both runs
 * @param baselineId   the saved run compared with
 * @param threshold    the threshold applied, e.g. {@code "mean:10%"}
 * @param method       how significance was decided, e.g. {@code "mann-whitney-u"}
 * @param pValue       the one-sided p-value of "current slower than baseline by more than the threshold"
 * @param regression   whether the threshold is exceeded significantly (the test fails)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BaselineComparison(double mean, double deltaPercent, boolean significant, String baselineId,
                                 String threshold, String method, Double pValue, boolean regression) {
}
