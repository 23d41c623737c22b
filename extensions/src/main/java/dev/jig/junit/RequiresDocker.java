package dev.jig.junit;

import dev.jig.junit.internal.DockerCondition;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Skips the annotated class or method, with the reason, unless container systems can run: Testcontainers on
 * the class path and a Docker engine that answers. The configuration key {@value DockerCondition#ENABLED}
 * ({@code false}) skips them even where Docker is available.
 *
 * <pre>{@code
 * @JigTest
 * @RequiresDocker
 * class ContainerAtmTest { ... }
 * // skipped: Docker is not available: ... Start the engine (e.g. `dockerd > /tmp/dockerd.log 2>&1 &`) ...
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(DockerCondition.class)
public @interface RequiresDocker {
}
