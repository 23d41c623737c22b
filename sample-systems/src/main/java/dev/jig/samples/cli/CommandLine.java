package dev.jig.samples.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tiny {@code --name value} / {@code --name=value} parser for the sample programs.
 *
 * <pre>{@code
 * CommandLine line = CommandLine.parse(args, Set.of("port", "bank"));
 * int port = line.intValue("port", 0, 0, 65535);
 * }</pre>
 */
public final class CommandLine {

    private final Map<String, List<String>> values;
    private final boolean help;

    private CommandLine(Map<String, List<String>> values, boolean help) {
        this.values = values;
        this.help = help;
    }

    /** Parses {@code args}; any option outside {@code known} (or a bare word) is a usage error. */
    public static CommandLine parse(String[] args, Set<String> known) throws UsageException {
        Map<String, List<String>> values = new LinkedHashMap<>();
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
                continue;
            }
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
            if (!known.contains(name)) {
                throw new UsageException("unknown option '--" + name + "'");
            }
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new UsageException("option '--" + name + "' needs a value");
            }
            values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return new CommandLine(values, help);
    }

    /** Whether {@code --help} was given. */
    public boolean help() {
        return help;
    }

    /** Every value given for a repeatable option, in order. */
    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** The single value of an option that must be present. */
    public String required(String name) throws UsageException {
        String value = optional(name);
        if (value == null) {
            throw new UsageException("missing required option '--" + name + "'");
        }
        return value;
    }

    /** The single value of an option, or {@code null} when absent. */
    public String optional(String name) throws UsageException {
        List<String> given = all(name);
        if (given.size() > 1) {
            throw new UsageException("option '--" + name + "' given " + given.size() + " times, expected once");
        }
        return given.isEmpty() ? null : given.get(0);
    }

    /** An integer option in {@code [min, max]}, or {@code fallback} when absent. */
    public int intValue(String name, int fallback, int min, int max) throws UsageException {
        String value = optional(name);
        return value == null ? fallback : parseInt("--" + name, value, min, max);
    }

    /** Parses {@code value} as an integer in {@code [min, max]}; {@code what} names it in the error. */
    public static int parseInt(String what, String value, int min, int max) throws UsageException {
        int parsed;
        try {
            parsed = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(what + " must be a number, got '" + value + "'");
        }
        if (parsed < min || parsed > max) {
            throw new UsageException(what + " must be between " + min + " and " + max + ", got " + parsed);
        }
        return parsed;
    }
}
