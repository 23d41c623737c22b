package dev.jig.samples;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the sample programs whether tests run from the module directory (Maven, IDEs) or the root. */
public final class SamplePaths {

    private SamplePaths() {
    }

    /** The path of a Python sample program, e.g. {@code python("atm.py")}. */
    public static String python(String file) {
        for (Path base : new Path[] {Path.of("src/main/python"), Path.of("sample-systems/src/main/python")}) {
            Path candidate = base.resolve(file);
            if (Files.isRegularFile(candidate)) {
                return candidate.toAbsolutePath().toString();
            }
        }
        throw new IllegalStateException("Cannot find " + file + " under src/main/python from "
                + Path.of("").toAbsolutePath() + ". Run the tests from the sample-systems module or the "
                + "project root.");
    }
}
