package dev.jig.samples.atm;

import dev.jig.system.container.Image;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Java ATM as a container image, {@code FROM scratch}: a {@code jlink} runtime of this JDK (java.base),
 * the shared libraries {@code ldd} says it needs plus the dynamic loader, the sample classes, Jackson and
 * protobuf-java (the ATM speaks protobuf; protobuf-java also needs java.logging and jdk.unsupported).
 * Nothing is pulled. The directory's content hash is the image tag, so the image is built once per change.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:… dev.jig.samples.atm.AtmImage   # prints the directory
 * docker build -t jig/atm &lt;directory&gt; &amp;&amp; docker run --rm --network host jig/atm --bank 127.0.0.1:9000
 * </pre>
 */
final class AtmImage {

    private static final Path DIR = Path.of("target", "atm-image");
    private static final String MODULES = "java.base,java.logging,jdk.unsupported";
    static final Pattern LIBRARY = Pattern.compile("(/\\S+\\.so[.\\d]*)");
    private static final String ENTRYPOINT = "[\"/opt/jre/bin/java\", \"-XX:-UsePerfData\", \"-XX:+UseSerialGC\", "
            + "\"-XX:TieredStopAtLevel=1\", \"-cp\", \"/app/classes:/app/lib/*\", \"dev.jig.samples.atm.AtmMain\"]";

    private AtmImage() {
    }

    public static void main(String[] args) {
        System.out.println(prepare().toAbsolutePath());
    }

    private static Image image;

    /** The image, its build directory prepared once per JVM (the runtime once per checkout). */
    static synchronized Image image() {
        if (image == null) {
            image = Image.fromDirectory("jig/atm", prepare());
        }
        return image;
    }

    static synchronized Path prepare() {
        try {
            Path rootfs = DIR.resolve("rootfs");
            Path jre = rootfs.resolve("opt/jre");
            if (!Files.isExecutable(jre.resolve("bin/java")) || !hasModules(jre)) {
                jlink(jre);
            }
            copyLibraries(jre, rootfs);
            copyApplication(rootfs.resolve("app"));
            Files.writeString(DIR.resolve("Dockerfile"), "FROM scratch\nCOPY rootfs/ /\nENTRYPOINT " + ENTRYPOINT
                    + "\n", StandardCharsets.UTF_8);
            return DIR;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the ATM image in " + DIR.toAbsolutePath(), e);
        }
    }

    private static void jlink(Path jre) throws IOException {
        Path jlink = Path.of(System.getProperty("java.home"), "bin", "jlink");
        deleteTree(jre);
        Files.createDirectories(jre.getParent());
        run(List.of(jlink.toString(), "--add-modules", MODULES, "--strip-debug", "--no-header-files",
                "--no-man-pages", "--compress=2", "--output", jre.toString()));
    }

    /** Whether a runtime made earlier has today's modules (its {@code release} file lists them). */
    private static boolean hasModules(Path jre) throws IOException {
        Path release = jre.resolve("release");
        if (!Files.isRegularFile(release)) {
            return false;
        }
        String modules = Files.readString(release, StandardCharsets.UTF_8);
        return java.util.Arrays.stream(MODULES.split(",")).allMatch(modules::contains);
    }

    /** Every library the runtime's binaries link against, at the same path inside the image. */
    private static void copyLibraries(Path jre, Path rootfs) throws IOException {
        Set<String> libraries = new TreeSet<>();
        List<Path> binaries = new ArrayList<>();
        binaries.add(jre.resolve("bin/java"));
        try (Stream<Path> files = Files.walk(jre.resolve("lib"))) {
            files.filter(f -> f.toString().endsWith(".so")).forEach(binaries::add);
        }
        for (Path binary : binaries) {
            Matcher match = LIBRARY.matcher(run(List.of("ldd", binary.toString())));
            while (match.find()) {
                if (!match.group(1).startsWith(jre.toAbsolutePath().toString()) && !match.group(1).contains("/../")) {
                    libraries.add(match.group(1));
                }
            }
        }
        for (String library : libraries) {
            Path target = rootfs.resolve(library.substring(1));
            Files.createDirectories(target.getParent());
            // The real file, not the symlink: the image has no link targets.
            Files.copy(Path.of(library).toRealPath(), target, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    /** The sample classes and the jars they need (Jackson, protobuf-java), from this JVM's class path. */
    private static void copyApplication(Path app) throws IOException {
        deleteTree(app);
        Path lib = Files.createDirectories(app.resolve("lib"));
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry);
            if (path.endsWith(Path.of("target", "classes"))) {
                copyTree(path, app.resolve("classes"));
            } else if (isRuntimeJar(path.getFileName().toString())) {
                Files.copy(path, lib.resolve(path.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (!Files.isDirectory(app.resolve("classes"))) {
            throw new IllegalStateException("target/classes is not on the class path; run from Maven or an IDE");
        }
    }

    private static boolean isRuntimeJar(String name) {
        return name.endsWith(".jar") && (name.startsWith("jackson-") || name.startsWith("protobuf-java-"));
    }

    static String run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", command), e);
        }
        return output;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(file);
            }
        }
    }
}
