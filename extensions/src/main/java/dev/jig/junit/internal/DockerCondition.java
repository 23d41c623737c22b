package dev.jig.junit.internal;

import dev.jig.system.container.Docker;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The condition behind {@link dev.jig.junit.RequiresDocker}. */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class DockerCondition implements ExecutionCondition {

    /** Configuration key: {@code false} skips container tests even where Docker is available. */
    public static final String ENABLED = "jig.containers.enabled";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        boolean enabled = context.getConfigurationParameter(ENABLED).map(v -> !v.trim().equalsIgnoreCase("false"))
                .orElse(true);
        if (!enabled) {
            return ConditionEvaluationResult.disabled("Container tests are switched off (" + ENABLED + "=false).");
        }
        // Docker's classes are optional: asking through Docker says which dependency is missing.
        Docker.Availability docker = Docker.availability();
        return docker.available()
                ? ConditionEvaluationResult.enabled("Docker is available")
                : ConditionEvaluationResult.disabled(docker.reason());
    }
}
