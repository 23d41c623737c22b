package dev.jig.record;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.apiguardian.api.API;

/**
 * A benchmark against the same benchmark of a saved run.
 *
 * @param mean           the baseline's mean (ns, as measured, not calibrated)
 * @param deltaPercent   how much the threshold's statistic differs, in percent (positive: slower); in
 *                       calibration units where both runs kept calibration, else as measured
 * @param significant    whether the difference, either way, is beyond the noise (two-sided p &lt; 0.01)
 * @param baselineId     the saved run compared with
 * @param threshold      the threshold applied, e.g. {@code "median:5%"}
 * @param method         how the verdict was reached, e.g. {@code "calibrated"} (see the README's "Baselines")
 * @param pValue         the one-sided p-value of "current slower than the baseline", judged by the noise
 * @param regression     whether the threshold is exceeded significantly (the test fails)
 * @param runs           how many saved runs of the benchmark the baseline had
 * @param noisePercent   the noise the difference was judged by: one standard deviation, in percent
 * @param machinePercent how much slower (positive) the machine ran the calibration loop now than at save time
 * @param elasticity     how the benchmark's time scaled with the calibration loop's across the saved runs (1: in
 *                       proportion, plain calibration; 0.85: 15 % less), by which every run was brought to one
 *                       machine speed; {@code null} where no calibration was used
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BaselineComparison(double mean, double deltaPercent, boolean significant, String baselineId,
                                 String threshold, String method, Double pValue, boolean regression,
                                 Integer runs, Double noisePercent, Double machinePercent,
                                 Double elasticity) {

    /** The canonical constructor, the one JSON is read with. */
    @JsonCreator
    public BaselineComparison {
    }

    /** A comparison without an elasticity (uncalibrated, interleaved, or read from older results). */
    public BaselineComparison(double mean, double deltaPercent, boolean significant, String baselineId,
                              String threshold, String method, Double pValue, boolean regression, Integer runs,
                              Double noisePercent, Double machinePercent) {
        this(mean, deltaPercent, significant, baselineId, threshold, method, pValue, regression, runs, noisePercent,
                machinePercent, null);
    }
}
