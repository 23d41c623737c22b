package dev.jig.bench;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.jig.record.BenchStats;
import org.apiguardian.api.API;

/**
 * One saved run of one benchmark, as a baseline keeps it: its statistics in calibration units (each round's
 * time per operation divided by the calibration loop's time per unit timed right after it), so that runs saved
 * on a faster or slower moment of the machine compare with each other.
 *
 * @param created    when it was saved (ISO-8601)
 * @param calibrated the calibrated statistics; {@code null} for a benchmark measured without calibration (JMH)
 * @param machine    the machine's speed during the run: the calibration loop's median time per unit, ns;
 *                   {@code null} without calibration and in runs saved before Jig kept it
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record SavedRun(String created, BenchStats calibrated, Double machine) {

    /** The canonical constructor, the one JSON is read with. */
    @JsonCreator
    public SavedRun {
    }

    /** A run saved without its machine speed (as older baselines were). */
    public SavedRun(String created, BenchStats calibrated) {
        this(created, calibrated, null);
    }
}
