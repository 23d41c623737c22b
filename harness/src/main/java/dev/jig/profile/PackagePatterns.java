package dev.jig.profile;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Which classes to instrument. A pattern is a package or class name: {@code com.acme} selects the package,
 * its sub-packages and the class {@code com.acme} with its nested classes; a trailing {@code .*} or {@code .**}
 * means the same; {@code *} inside matches within one name segment ({@code com.*.service}).
 *
 * <pre>{@code
 * PackagePatterns.of(List.of("com.acme"), List.of("com.acme.generated")).test("com.acme.Shop")   // true
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class PackagePatterns implements Predicate<String> {

    /** Never instrumented: the JDK, the profiler itself and the tools it runs on. */
    static final List<String> ALWAYS_EXCLUDED = List.of("java", "javax", "jdk", "sun", "com.sun",
            "net.bytebuddy", "dev.jig.profile", "org.junit", "org.apiguardian");

    private final List<String> includes;
    private final List<String> excludes;
    private final List<Pattern> includeRegex;
    private final List<Pattern> excludeRegex;

    private PackagePatterns(List<String> includes, List<String> excludes) {
        this.includes = List.copyOf(includes);
        this.excludes = List.copyOf(excludes);
        this.includeRegex = includes.stream().map(PackagePatterns::regex).toList();
        this.excludeRegex = java.util.stream.Stream.concat(excludes.stream(), ALWAYS_EXCLUDED.stream())
                .map(PackagePatterns::regex).toList();
    }

    /**
     * Classes matching an include and no exclude.
     *
     * @throws IllegalArgumentException if {@code includes} is empty or a pattern is blank
     */
    public static PackagePatterns of(List<String> includes, List<String> excludes) {
        if (includes.isEmpty()) {
            throw new IllegalArgumentException("An exact profile needs at least one package to instrument, e.g. "
                    + "include(\"com.acme\") or the key jig.profile.include=com.acme");
        }
        return new PackagePatterns(includes, excludes);
    }

    @Override
    public boolean test(String className) {
        return includeRegex.stream().anyMatch(p -> p.matcher(className).matches())
                && excludeRegex.stream().noneMatch(p -> p.matcher(className).matches());
    }

    /** The include patterns as given. */
    public List<String> includes() {
        return includes;
    }

    /** The exclude patterns as given. */
    public List<String> excludes() {
        return excludes;
    }

    private static Pattern regex(String pattern) {
        String trimmed = pattern == null ? "" : pattern.strip();
        if (trimmed.isEmpty() || trimmed.startsWith(".")) {
            throw new IllegalArgumentException("'" + pattern + "' is not a package pattern; use a package or "
                    + "class name such as com.acme or com.acme.*");
        }
        trimmed = trimmed.replaceAll("\\.\\*\\*?$", "");
        String[] parts = trimmed.split("\\*", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append("[^.]*");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex + "([.$].*)?");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PackagePatterns that && includes.equals(that.includes)
                && excludes.equals(that.excludes);
    }

    @Override
    public int hashCode() {
        return includes.hashCode() * 31 + excludes.hashCode();
    }

    @Override
    public String toString() {
        return "include " + includes + (excludes.isEmpty() ? "" : ", exclude " + excludes);
    }
}
