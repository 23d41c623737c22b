package dev.jig.junit.truth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jig.junit.fixtures.truth.SecretsTestCase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Secrets never leave unmasked: not in results.json, not in the report, not in the XML Surefire writes. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SecretsMaskingTest {

    private static final List<String> SECRETS = List.of("hunter2", "supersecret123", "tok-arg-7731", "letmein99",
            "header-secret", "cookie-secret-42", "json-secret-99");

    @TempDir
    Path reportDir;

    @Test
    void secretsInEnvArgumentsOutputHeadersAndPayloadsAreMaskedEverywhere() {
        SessionRun run = SessionRun.of(reportDir, Map.of(), SecretsTestCase.class);
        JsonNode test = run.test("failsWithSecretsAround");
        assertThat(test.path("status").asText()).isEqualTo("failed");

        for (String secret : SECRETS) {
            assertThat(run.results().toString()).as("results.json").doesNotContain(secret);
            assertThat(run.html()).as("index.html").doesNotContain(secret);
            assertThat(run.xml()).as("the JUnit XML").doesNotContain(secret);
        }
        String output = test.path("processes").get(0).path("output").toString();
        assertThat(output).contains("API_TOKEN=*** and more words").contains("pw=***")
                .contains("postgres://app:***@db:5432/app").contains("a monkey=banana stays");
        List<String> command = new ArrayList<>();
        test.path("processes").get(0).path("command").forEach(arg -> command.add(arg.asText()));
        assertThat(command).containsSubsequence("--api-token", "***", "--say", "API_TOKEN=*** and more words",
                "--say", "pw=***", "--say", "db at postgres://app:***@db:5432/app", "--say", "a monkey=banana stays");
        String vault = test.path("fakes").toString();
        assertThat(vault).contains("/login").contains("Bearer ***");
        assertThat(test.path("failure").path("message").asText()).contains("the password was *** and the token ***");
        assertThat(run.xml()).contains("the password was *** and the token ***");
    }
}
