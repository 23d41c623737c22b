package dev.jig.record;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Masks values whose names look secret ({@code pass}, {@code secret}, {@code token}, {@code key},
 * {@code credential}) before they reach a record, a report or a failure message.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Secrets {

    /** What a masked value is written as. */
    public static final String MASK = "***";

    private static final Pattern SECRET_NAME =
            Pattern.compile("(?i)(pass|secret|token|key|credential)");

    private Secrets() {
    }

    /** Whether a variable or option name looks like it names a secret. */
    public static boolean looksSecret(String name) {
        return name != null && SECRET_NAME.matcher(name).find();
    }

    /**
     * Masks a command line: the value after an option that looks secret ({@code --password x}),
     * and the value of {@code --token=x} or {@code PASSWORD=x} forms.
     */
    public static List<String> maskCommand(List<String> command) {
        List<String> masked = new ArrayList<>(command.size());
        boolean maskNext = false;
        for (String arg : command) {
            if (maskNext) {
                masked.add(MASK);
                maskNext = false;
                continue;
            }
            int eq = arg.indexOf('=');
            if (eq > 0 && looksSecret(arg.substring(0, eq))) {
                masked.add(arg.substring(0, eq + 1) + MASK);
            } else {
                masked.add(arg);
                maskNext = arg.startsWith("-") && eq < 0 && looksSecret(arg);
            }
        }
        return masked;
    }

    /** Masks the values of an environment whose names look secret, sorted by name. */
    public static Map<String, String> maskEnvironment(Map<String, String> environment) {
        Map<String, String> masked = new TreeMap<>();
        environment.forEach((name, value) -> masked.put(name, looksSecret(name) ? MASK : value));
        return masked;
    }
}
