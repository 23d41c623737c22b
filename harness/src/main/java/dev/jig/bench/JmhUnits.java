package dev.jig.bench;

import java.util.Map;

/** Converts a JMH score unit ({@code "us/op"}, {@code "ops/s"}, ...) to nanoseconds per operation. */
record JmhUnits(double nanosPerTimeUnit, boolean throughput) {

    private static final Map<String, Double> NANOS = Map.of("ns", 1.0, "us", 1e3, "ms", 1e6, "s", 1e9,
            "min", 60e9, "hr", 3600e9, "day", 86400e9);

    static JmhUnits of(String unit, String benchmark) {
        String[] parts = unit.split("/");
        if (parts.length == 2 && parts[1].equals("op") && NANOS.containsKey(parts[0])) {
            return new JmhUnits(NANOS.get(parts[0]), false);
        }
        if (parts.length == 2 && parts[0].equals("ops") && NANOS.containsKey(parts[1])) {
            return new JmhUnits(NANOS.get(parts[1]), true);
        }
        throw new IllegalArgumentException("JMH benchmark " + benchmark + " has score unit '" + unit
                + "'; expected <time>/op or ops/<time> (time: ns, us, ms, s, min, hr, day)");
    }

    double toNanosPerOp(double value) {
        return throughput ? nanosPerTimeUnit / value : value * nanosPerTimeUnit;
    }
}
