package dev.jig.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void namesLookSecretByWordNotBySubstring() {
        assertThat(List.of("DB_PASSWORD", "apiKey", "X-Auth-Token", "client_secret", "API_TOKEN", "--password",
                "Authorization", "Cookie", "pw", "privateKey", "access-key", "dbpassword"))
                .allMatch(Secrets::looksSecret);
        assertThat(List.of("monkey", "keyboard", "passenger", "donkey", "port", "user", "tokenizer", "path"))
                .noneMatch(Secrets::looksSecret);
    }

    @Test
    void masksNameValueForms() {
        assertThat(Secrets.mask("API_TOKEN=supersecret123; echo next")).isEqualTo("API_TOKEN=***; echo next");
        assertThat(Secrets.mask("password: open sesame")).isEqualTo("password: *** sesame");
        assertThat(Secrets.mask("password: \"open sesame\" ok")).isEqualTo("password: \"***\" ok");
        assertThat(Secrets.mask("{\"user\":\"jane\",\"password\":\"p 4 ss\",\"n\":1}"))
                .isEqualTo("{\"user\":\"jane\",\"password\":\"***\",\"n\":1}");
        assertThat(Secrets.mask("token='a b c' rest")).isEqualTo("token='***' rest");
        assertThat(Secrets.mask("GET /x?user=jane&access_token=abc123&page=2"))
                .isEqualTo("GET /x?user=jane&access_token=***&page=2");
    }

    @Test
    void masksUrlPasswordsAndAuthorizationHeaders() {
        assertThat(Secrets.mask("db at postgres://app:letmein99@db:5432/app"))
                .isEqualTo("db at postgres://app:***@db:5432/app");
        assertThat(Secrets.mask("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.abc")).isEqualTo("Authorization: Bearer ***");
        assertThat(Secrets.mask("authorization: Basic dXNlcjpwYXNz")).isEqualTo("authorization: Basic ***");
        assertThat(Secrets.mask("Cookie: session=cookie-secret-42")).isEqualTo("Cookie: ***");
    }

    @Test
    void leavesHarmlessTextAlone() {
        String text = "a monkey=banana stays, keyboard: qwerty, port=8080, basic idea, time 12:30:01";
        assertThat(Secrets.mask(text)).isEqualTo(text);
        assertThat(Secrets.mask(null)).isNull();
    }

    @Test
    void declaredValuesAreMaskedWhereverTheyAppear() {
        Secrets.declare("hunter2-" + getClass().getSimpleName());
        assertThat(Secrets.mask("pw=hunter2-SecretsTest and again hunter2-SecretsTest"))
                .isEqualTo("pw=*** and again ***");
        Secrets.declare("ab"); // too short to mask by value
        assertThat(Secrets.mask("tab cab")).isEqualTo("tab cab");
    }

    @Test
    void valuesGivenToSystemsUnderSecretNamesAreDeclared() {
        Secrets.declareFrom(List.of("app", "--db-password", "sys-pw-1234", "API_KEY=sys-key-5678", "--port", "80"),
                Map.of("DB_PASSWORD", "env-pw-9012", "HOME", "/root"));
        assertThat(Secrets.mask("connecting with sys-pw-1234, sys-key-5678 and env-pw-9012 from /root"))
                .isEqualTo("connecting with ***, *** and *** from /root");
    }

    @Test
    void maskedCommandKeepsEveryArgument() {
        assertThat(Secrets.maskCommand(List.of("sh", "-c", "echo API_TOKEN=abc123; echo done", "--password", "x",
                "--token=y", "--port", "80")))
                .containsExactly("sh", "-c", "echo API_TOKEN=***; echo done", "--password", "***", "--token=***",
                        "--port", "80");
    }

    @Test
    void recordsAreMaskedWhenMade() {
        Secrets.declare("record-secret-77");
        ProcessRecord process = new ProcessRecord("atm", List.of("atm", "--token", "record-secret-77"), 1L, 0,
                List.of("12:00:00.000 out pw=record-secret-77"), false);
        assertThat(process.command()).containsExactly("atm", "--token", "***");
        assertThat(process.output()).containsExactly("12:00:00.000 out pw=***");
        FailureRecord failure = new FailureRecord("x", "got record-secret-77", "at record-secret-77");
        assertThat(failure.message()).isEqualTo("got ***");
        assertThat(failure.stackTrace()).isEqualTo("at ***");
    }
}
