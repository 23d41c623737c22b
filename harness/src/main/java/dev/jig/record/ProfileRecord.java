package dev.jig.record;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.apiguardian.api.API;

/**
 * The test JVM's profile of one test; either part may be absent.
 *
 * @param exact   the instrumented profile
 * @param sampled the sampled profile
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProfileRecord(ExactProfile exact, SampledProfile sampled) {
}
