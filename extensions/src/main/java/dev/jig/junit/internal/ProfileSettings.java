package dev.jig.junit.internal;

import dev.jig.junit.JigConfigurationException;
import dev.jig.junit.Profile;
import dev.jig.profile.ProfileMode;
import dev.jig.profile.ProfileOptions;
import dev.jig.profile.SampleEvent;
import dev.jig.profile.SamplingEngine;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * How one test is profiled: the {@link Profile} annotation's attributes, else the {@code jig.profile.*}
 * configuration keys, else the defaults. Without an annotation a test is profiled only when
 * {@code jig.profile.enabled=true}.
 *
 * @param options what the profiler records
 * @param wholeTest whether setup and teardown are profiled too
 * @param top      how many rows the printed flat profile shows
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record ProfileSettings(ProfileOptions options, boolean wholeTest, int top) {

    public static final String ENABLED = "jig.profile.enabled";
    public static final String MODE = "jig.profile.mode";
    public static final String INCLUDE = "jig.profile.include";
    public static final String EXCLUDE = "jig.profile.exclude";
    public static final String INTERVAL = "jig.profile.interval";
    public static final String SCOPE = "jig.profile.scope";
    public static final String TOP = "jig.profile.top";
    public static final String EVENT = "jig.profile.event";
    public static final String ENGINE = "jig.profile.engine";

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s)?");

    /**
     * The settings for a test, or empty when it is not profiled.
     *
     * @param annotation  the method's {@code @Profile}, else the class's, if any
     * @param testPackage the test class's package: what exact profiles include by default
     * @param lookup      a configuration-parameter getter
     */
    public static Optional<ProfileSettings> resolve(Optional<Profile> annotation, String testPackage,
                                                    Function<String, Optional<String>> lookup) {
        boolean enabled = lookup.apply(ENABLED).map(Boolean::parseBoolean).orElse(false);
        if (annotation.isEmpty() && !enabled) {
            return Optional.empty();
        }
        Profile profile = annotation.orElse(null);
        ProfileMode mode = profile != null && profile.mode() != Profile.Mode.DEFAULT
                ? ProfileMode.valueOf(profile.mode().name())
                : lookup.apply(MODE).map(ProfileSettings::mode).orElse(ProfileMode.EXACT);
        List<String> includes = profile != null && profile.include().length > 0 ? Arrays.asList(profile.include())
                : lookup.apply(INCLUDE).map(ProfileSettings::list).orElse(List.of(testPackage));
        List<String> excludes = profile != null && profile.exclude().length > 0 ? Arrays.asList(profile.exclude())
                : lookup.apply(EXCLUDE).map(ProfileSettings::list).orElse(List.of());
        Duration interval = profile != null && profile.intervalMillis() > 0
                ? Duration.ofMillis(profile.intervalMillis())
                : lookup.apply(INTERVAL).map(ProfileSettings::duration).orElse(ProfileOptions.DEFAULT_INTERVAL);
        boolean whole = profile != null && profile.scope() != Profile.Scope.DEFAULT
                ? profile.scope() == Profile.Scope.ALL
                : lookup.apply(SCOPE).map(ProfileSettings::wholeTest).orElse(false);
        int top = lookup.apply(TOP).map(v -> integer(TOP, v)).orElse(10);
        try {
            SampleEvent event = profile != null && !profile.event().isBlank()
                    ? keyed("@Profile(event)", profile.event(), SampleEvent::of)
                    : lookup.apply(EVENT).map(v -> keyed(EVENT, v, SampleEvent::of)).orElse(SampleEvent.CPU);
            SamplingEngine engine = lookup.apply(ENGINE).map(v -> keyed(ENGINE, v, SamplingEngine::of))
                    .orElse(SamplingEngine.AUTO);
            ProfileOptions options = new ProfileOptions(mode, includes, excludes, interval,
                    profile != null && profile.cpuTime(), ProfileOptions.DEFAULT_FOLD_BELOW, event, engine);
            return Optional.of(new ProfileSettings(options, whole, top));
        } catch (IllegalArgumentException e) {
            throw new JigConfigurationException("@Profile / jig.profile.*: " + e.getMessage());
        }
    }

    private static <T> T keyed(String key, String value, Function<String, T> parse) {
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw new JigConfigurationException(key + "=" + e.getMessage());
        }
    }

    private static ProfileMode mode(String value) {
        try {
            return ProfileMode.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new JigConfigurationException(MODE + "=" + value + " is not a mode; use exact, sampled or both.");
        }
    }

    private static boolean wholeTest(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "body" -> false;
            case "all" -> true;
            default -> throw new JigConfigurationException(SCOPE + "=" + value
                    + " is not a scope; use body (the test method) or all (with setup and teardown).");
        };
    }

    private static Duration duration(String value) {
        Matcher match = DURATION.matcher(value.strip());
        if (!match.matches() || Long.parseLong(match.group(1)) == 0) {
            throw new JigConfigurationException(INTERVAL + "=" + value + " is not a positive duration; use e.g. "
                    + "10ms or 1s.");
        }
        long amount = Long.parseLong(match.group(1));
        return "s".equals(match.group(2)) ? Duration.ofSeconds(amount) : Duration.ofMillis(amount);
    }

    private static int integer(String key, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new JigConfigurationException(key + "=" + value + " is not a whole number.");
        }
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }
}
