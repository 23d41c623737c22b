package dev.jig.samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Finds the sample programs whether tests run from the module directory (Maven, IDEs) or the root. */
public final class SamplePaths {

    private static String python3;

    private SamplePaths() {
    }

    /** The path of a Python sample program, e.g. {@code python("atm.py")}. */
    public static String python(String file) {
        return find(file, "src/main/python", "Run the tests from the sample-systems module or the project root.");
    }

    /**
     * The descriptor set of the samples' {@code .proto} files (atm, bank, adder) that the build writes, for
     * the Python ATM, which builds its message classes from it at run time.
     */
    public static String descriptors() {
        return find("sample-systems.binpb", "target/protobuf",
                "The protobuf-maven-plugin writes it when sample-systems builds: run ./mvnw -B verify (or at least "
                        + "./mvnw -pl sample-systems -am generate-sources).");
    }

    /**
     * A Python 3 that has protobuf's runtime ({@code import google.protobuf}): {@code python3} on the PATH if
     * it has, else Debian's {@code /usr/bin/python3} (whose {@code python3-protobuf} package a pyenv or venv
     * {@code python3} on the PATH does not see). Probed once per JVM.
     */
    public static synchronized String python3() {
        if (python3 == null) {
            List<String> tried = new ArrayList<>();
            for (String candidate : List.of("python3", "/usr/bin/python3")) {
                tried.add(candidate);
                if (importsProtobuf(candidate)) {
                    python3 = candidate;
                    return python3;
                }
            }
            throw new IllegalStateException("No Python 3 with protobuf's runtime found (tried " + tried + "): the "
                    + "Python ATM needs it. Install it with apt-get install python3-protobuf (Debian, Ubuntu) or "
                    + "pip install protobuf.");
        }
        return python3;
    }

    private static boolean importsProtobuf(String python) {
        try {
            Process probe = new ProcessBuilder(python, "-c", "import google.protobuf")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!probe.waitFor(30, TimeUnit.SECONDS)) {
                probe.destroyForcibly();
                return false;
            }
            return probe.exitValue() == 0;
        } catch (IOException e) {
            return false; // no such interpreter
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String find(String file, String dir, String hint) {
        for (Path base : new Path[] {Path.of(dir), Path.of("sample-systems").resolve(dir)}) {
            Path candidate = base.resolve(file);
            if (Files.isRegularFile(candidate)) {
                return candidate.toAbsolutePath().toString();
            }
        }
        throw new IllegalStateException("Cannot find " + file + " under " + dir + " from "
                + Path.of("").toAbsolutePath() + ". " + hint);
    }
}
