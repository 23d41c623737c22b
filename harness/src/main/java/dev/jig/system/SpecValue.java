package dev.jig.system;

import java.nio.file.Path;
import java.util.function.Supplier;

/** The kinds of value that args and env accept, checked when given and resolved at start. */
final class SpecValue {

    private SpecValue() {
    }

    /** Rejects kinds that have no obvious string form, naming where the value was given. */
    static Object check(Object value, String where) {
        if (value == SystemSpec.FREE_PORT || value instanceof String || value instanceof Number
                || value instanceof Path || value instanceof Supplier) {
            return value;
        }
        String kind = value == null ? "null" : value.getClass().getName();
        throw new IllegalArgumentException(where + " accepts a String, Number, Path, Supplier or "
                + "SystemSpec.FREE_PORT, got " + kind
                + (value == null ? "" : "; convert it with String.valueOf(...) or pass a Supplier"));
    }

    /** The string to pass; suppliers are called now. */
    static String resolve(Object value, int freePort) {
        if (value == SystemSpec.FREE_PORT) {
            return Integer.toString(freePort);
        }
        if (value instanceof Supplier) {
            return String.valueOf(((Supplier<?>) value).get());
        }
        return value.toString();
    }
}
