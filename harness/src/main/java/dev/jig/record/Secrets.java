package dev.jig.record;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Masks secrets before they reach a record, a report, a failure message or Surefire's XML. Two ways:
 * <ul>
 *   <li><b>by value</b>: every value {@linkplain #declare declared} secret — and, automatically, every environment
 *       value or argument Jig passes to a system under a name that {@linkplain #looksSecret looks secret} — is
 *       replaced wherever it appears, also in lines that do not name it ({@code pw=hunter2});</li>
 *   <li><b>by pattern</b>: {@code name=value}, {@code name: value}, {@code "name":"value"} where the name looks
 *       secret (quoted values are masked whole), {@code scheme://user:password@host}, and
 *       {@code Authorization: Bearer …} / {@code Basic …}.</li>
 * </ul>
 * A name looks secret when one of its words (split at {@code _ - .}, spaces and camelCase) is {@code pass},
 * {@code password}, {@code pwd}, {@code secret}, {@code token}, {@code key}, {@code credential}, {@code auth},
 * {@code cookie} or the like: {@code DB_PASSWORD}, {@code apiKey}, {@code X-Auth-Token}, but not {@code monkey}.
 *
 * <pre>{@code
 * String password = Secrets.declare(System.getenv("STAGING_DB_PASSWORD"));   // masked everywhere from now on
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Secrets {

    /** What a masked value is written as. */
    public static final String MASK = "***";

    /** Values shorter than this are masked by name and pattern only: masking "ab" everywhere would garble text. */
    public static final int MIN_VALUE_LENGTH = 4;

    private static final Set<String> SECRET_WORDS = Set.of("pass", "passwd", "password", "passphrase", "pwd", "pw",
            "secret", "secrets", "token", "tokens", "key", "keys", "apikey", "accesskey", "secretkey", "privatekey",
            "credential", "credentials", "auth", "authorization", "cookie", "cookies", "jwt", "bearer");
    private static final List<String> SECRET_PARTS = List.of("password", "passwd", "secret", "credential");
    private static final Pattern CAMEL = Pattern.compile("([a-z0-9])([A-Z])");
    private static final Pattern WORD_BREAK = Pattern.compile("[^A-Za-z0-9]+");

    private static final Pattern URL_USERINFO =
            Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://[^\\s:/@]+):([^\\s@/]+)@");
    private static final Pattern AUTH_HEADER = Pattern.compile(
            "(?i)((?:proxy-)?authorization[\"']?\\s*[:=]\\s*[\"']?(?:basic|bearer|digest|negotiate|token)\\s+)([^\\s\"',;]+)");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer\\s+)([A-Za-z0-9._~+/=-]{8,})");
    // name, then = or :, then a double-quoted, single-quoted or bare value; the name may be quoted (JSON).
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "([\"']?)([A-Za-z_][A-Za-z0-9_.-]*)\\1(\\s*[=:]\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|[^\\s,;&\"'{}\\[\\]]+)");

    private static final Set<String> VALUES = ConcurrentHashMap.newKeySet();
    private static volatile List<String> longestFirst = List.of();

    private Secrets() {
    }

    /**
     * Declares {@code value} secret: from now on it is masked wherever Jig records or reports it. Returns the value,
     * so a declaration can stand where the value is used. Values shorter than {@value #MIN_VALUE_LENGTH} characters
     * are ignored (they are still masked where a secret-looking name precedes them).
     */
    public static String declare(String value) {
        if (value != null && value.length() >= MIN_VALUE_LENGTH && VALUES.add(value)) {
            List<String> sorted = new ArrayList<>(VALUES);
            sorted.sort(Comparator.comparingInt(String::length).reversed());
            longestFirst = List.copyOf(sorted);
        }
        return value;
    }

    /**
     * Declares the values a system is started with under secret-looking names: environment variables, the value
     * after an option such as {@code --password}, and {@code NAME=value} arguments.
     */
    public static void declareFrom(List<String> command, Map<String, String> environment) {
        environment.forEach((name, value) -> {
            if (looksSecret(name)) {
                declare(value);
            }
        });
        for (int i = 0; i < command.size(); i++) {
            String arg = command.get(i);
            if (isSecretOption(arg) && i + 1 < command.size()) {
                declare(command.get(i + 1));
            }
            // NAME=value anywhere in an argument: "--token=x", "API_KEY=x", "sh -c 'API_TOKEN=x run'".
            Matcher m = ASSIGNMENT.matcher(arg);
            while (m.find()) {
                if (looksSecret(m.group(2)) && !isSchemeWord(m.group(4))) {
                    declare(unquote(m.group(4)));
                }
            }
        }
    }

    /** Whether a variable, option, header or field name looks like it names a secret. */
    public static boolean looksSecret(String name) {
        if (name == null || name.isBlank()) {
            return false;
        }
        for (String word : WORD_BREAK.split(CAMEL.matcher(name).replaceAll("$1 $2"))) {
            String lower = word.toLowerCase(Locale.ROOT);
            if (SECRET_WORDS.contains(lower) || SECRET_PARTS.stream().anyMatch(lower::contains)) {
                return true;
            }
        }
        return false;
    }

    /** {@code text} with every declared value and every secret-looking pattern masked; null stays null. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = text;
        for (String value : longestFirst) {
            if (masked.contains(value)) {
                masked = masked.replace(value, MASK);
            }
        }
        masked = URL_USERINFO.matcher(masked).replaceAll("$1:" + Matcher.quoteReplacement(MASK) + "@");
        masked = AUTH_HEADER.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        masked = BEARER.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        return maskAssignments(masked);
    }

    /** Masks every line of {@code lines}. */
    public static List<String> maskAll(List<String> lines) {
        List<String> masked = new ArrayList<>(lines.size());
        lines.forEach(line -> masked.add(mask(line)));
        return masked;
    }

    /**
     * Masks a command line, keeping every argument: the value after an option that looks secret
     * ({@code --password x}) becomes {@code ***}, and each argument is {@linkplain #mask masked} as text.
     */
    public static List<String> maskCommand(List<String> command) {
        List<String> masked = new ArrayList<>(command.size());
        boolean maskNext = false;
        for (String arg : command) {
            masked.add(maskNext ? MASK : mask(arg));
            maskNext = isSecretOption(arg);
        }
        return masked;
    }

    /** Masks the values of an environment whose names look secret, sorted by name. */
    public static Map<String, String> maskEnvironment(Map<String, String> environment) {
        Map<String, String> masked = new TreeMap<>();
        environment.forEach((name, value) -> masked.put(name, looksSecret(name) ? MASK : mask(value)));
        return masked;
    }

    private static boolean isSecretOption(String arg) {
        return arg.startsWith("-") && arg.indexOf('=') < 0 && looksSecret(arg);
    }

    private static String maskAssignments(String text) {
        if (text.indexOf('=') < 0 && text.indexOf(':') < 0) {
            return text;
        }
        Matcher m = ASSIGNMENT.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String value = m.group(4);
            String replacement = m.group();
            if (looksSecret(m.group(2)) && !isMasked(value) && !isSchemeWord(value)) {
                replacement = m.group(1) + m.group(2) + m.group(1) + m.group(3) + quoted(value, MASK);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    // "Authorization: Bearer x": the scheme stays, AUTH_HEADER masked the credentials.
    private static boolean isSchemeWord(String value) {
        return value.matches("(?i)bearer|basic|digest|negotiate|token");
    }

    private static boolean isMasked(String value) {
        return unquote(value).equals(MASK);
    }

    private static String quoted(String original, String inner) {
        char first = original.charAt(0);
        return first == '"' || first == '\'' ? first + inner + first : inner;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                && value.charAt(value.length() - 1) == value.charAt(0)) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
