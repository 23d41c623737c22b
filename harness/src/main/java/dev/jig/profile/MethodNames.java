package dev.jig.profile;

import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Turns class and method names into the stable {@code fully.qualified.Class.method} form used in profiles, so
 * that two runs can be compared by name: the parts the JVM or a code generator makes up per run (hidden-class
 * addresses, lambda counters, proxy and accessor numbers, generated-class hashes) are dropped.
 *
 * <pre>{@code
 * MethodNames.of("com.acme.Shop$$Lambda$17/0x0000000800c0b040", "run")   // "com.acme.Shop$$Lambda.run"
 * MethodNames.of("com.acme.Shop", "lambda$checkout$3")                     // "com.acme.Shop.lambda$checkout"
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class MethodNames {

    // Hidden classes: "Name/0x0000000800c0b040" (Class.getName), "Name+0x00007f72440a410.536765369" (JFR).
    private static final Pattern HIDDEN_SUFFIX = Pattern.compile("[/.+]0x[0-9a-fA-F]+(\\.\\d+)?$");
    private static final Pattern LAMBDA_CLASS = Pattern.compile("\\$\\$Lambda(\\$\\d+)?");
    private static final Pattern GENERATED_HASH = Pattern.compile(
            "\\$\\$(EnhancerByCGLIB|FastClassByCGLIB|SpringCGLIB|EnhancerBySpringCGLIB|ByteBuddy)\\$\\$[0-9a-zA-Z_$]*$");
    private static final Pattern BYTE_BUDDY_SUFFIX = Pattern.compile("\\$ByteBuddy\\$[0-9a-zA-Z]+$");
    private static final Pattern NUMBERED_GENERATED = Pattern.compile(
            "(\\$Proxy|GeneratedMethodAccessor|GeneratedConstructorAccessor|DirectMethodHandle\\$Holder|"
                    + "LambdaForm\\$[A-Z]{2})\\d+$");
    private static final Pattern LAMBDA_METHOD = Pattern.compile("^(lambda\\$.*?)\\$\\d+$");

    private MethodNames() {
    }

    /** {@code className.methodName}, both normalised. */
    public static String of(String className, String methodName) {
        return className(className) + "." + methodName(methodName);
    }

    /** A {@code Class.method} name (split at the last dot) with both parts normalised. */
    public static String qualified(String classDotMethod) {
        int dot = classDotMethod.lastIndexOf('.');
        return dot < 0 ? methodName(classDotMethod)
                : of(classDotMethod.substring(0, dot), classDotMethod.substring(dot + 1));
    }

    /** A class name without hidden-class addresses, lambda counters and generated suffixes. */
    public static String className(String name) {
        String result = HIDDEN_SUFFIX.matcher(name).replaceFirst("");
        result = LAMBDA_CLASS.matcher(result).replaceAll("\\$\\$Lambda");
        result = GENERATED_HASH.matcher(result).replaceFirst("\\$\\$$1");
        result = BYTE_BUDDY_SUFFIX.matcher(result).replaceFirst("\\$ByteBuddy");
        return NUMBERED_GENERATED.matcher(result).replaceFirst("$1");
    }

    /** A method name without the compiler's lambda counter: {@code lambda$main$0} becomes {@code lambda$main}. */
    public static String methodName(String name) {
        return LAMBDA_METHOD.matcher(name).replaceFirst("$1");
    }
}
