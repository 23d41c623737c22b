package dev.jig.bench;

import dev.jig.support.JigLog;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fresh copies of a measuring loop class, one per benchmark, as hidden classes defined from the loop's own
 * bytecode.
 *
 * <p>Why: the JIT profiles each call site in a method. Were all benchmarks of a JVM measured by one loop, the
 * loop's {@code action.call()} site would see the first benchmark's action, get it inlined, and then be
 * deoptimised and recompiled as megamorphic as soon as a second benchmark ran — so a benchmark's figure would
 * depend on which ran before it (we measured +34 % and +191 % on a 1 µs operation before this). JMH avoids this
 * by generating a loop per benchmark; a hidden class copy of our loop has its own methods and so its own
 * profile, the same effect without code generation.
 */
final class LoopCopies {

    private static final Map<Class<?>, byte[]> BYTECODE = new ConcurrentHashMap<>();

    private LoopCopies() {
    }

    /**
     * A new instance of a fresh copy of {@code template}, constructed with {@code args} by its only
     * constructor. Falls back to the template itself where hidden classes cannot be defined.
     */
    static <T> T fresh(Class<? extends T> template, Object... args) {
        try {
            Class<?> copy = MethodHandles.lookup().defineHiddenClass(bytecode(template), true).lookupClass();
            return construct(template, copy, args);
        } catch (IllegalAccessException | LinkageError | IOException e) {
            // Still correct, only exposed to profile pollution; say so once per template rather than fail.
            JigLog.warn("benchmark: cannot copy "
                    + template.getSimpleName() + " (" + e + "); benchmarks share one measuring loop");
            return construct(template, template, args);
        }
    }

    private static byte[] bytecode(Class<?> template) throws IOException {
        byte[] cached = BYTECODE.get(template);
        if (cached != null) {
            return cached;
        }
        String resource = template.getSimpleName() + ".class";
        try (InputStream in = template.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("class file " + resource + " not found beside " + template.getName());
            }
            byte[] bytes = in.readAllBytes();
            BYTECODE.put(template, bytes);
            return bytes;
        }
    }

    private static <T> T construct(Class<? extends T> template, Class<?> type, Object[] args) {
        try {
            Constructor<?> constructor = type.getDeclaredConstructors()[0];
            constructor.setAccessible(true);
            @SuppressWarnings("unchecked")
            T instance = (T) constructor.newInstance(args);
            return instance;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct the measuring loop " + template.getName() + ": " + e, e);
        }
    }
}
