package dev.jig.junit.internal;

import dev.jig.junit.Addressable;
import dev.jig.junit.Endpoint;
import dev.jig.junit.JigConfigurationException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Reads the resources a test class declares: fields whose type is a {@link JigResource}, superclass fields
 * first, each class's fields in declaration order (the order Java lets one initialiser refer to another).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
final class Declarations {

    private Declarations() {
    }

    /** The static resources of a test class. */
    static List<JigResource> ofClass(Class<?> testClass) {
        List<JigResource> resources = new ArrayList<>();
        for (Class<?> type : hierarchy(testClass)) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && isResource(field)) {
                    resources.add(read(field, null));
                }
            }
        }
        return unique(resources, testClass.getSimpleName());
    }

    /** The instance resources of the test instances of {@code context}, outermost instance first. */
    static List<JigResource> ofTest(ExtensionContext context) {
        List<JigResource> resources = new ArrayList<>();
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            for (Class<?> type : hierarchy(instance.getClass())) {
                for (Field field : type.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers()) && isResource(field)) {
                        resources.add(read(field, instance));
                    }
                }
            }
        }
        return unique(resources, context.getRequiredTestClass().getSimpleName());
    }

    // A field declared as one of Jig's own interfaces (Endpoint, Addressable) counts when it holds a resource, so
    // that a suite can declare "the system" without naming its kind (process or container).
    private static boolean isResource(Field field) {
        return !field.isSynthetic() && (JigResource.class.isAssignableFrom(field.getType())
                || field.getType() == Endpoint.class || field.getType() == Addressable.class);
    }

    private static JigResource read(Field field, Object instance) {
        try {
            field.setAccessible(true);
            Object value = field.get(instance);
            if (value == null) {
                throw new JigConfigurationException("Field " + field.getDeclaringClass().getSimpleName() + "."
                        + field.getName() + " is null. Initialise it where it is declared, e.g. "
                        + "FakeServer.tcp(\"" + field.getName() + "\")….");
            }
            if (!(value instanceof JigResource resource)) {
                throw new JigConfigurationException("Field " + field.getDeclaringClass().getSimpleName() + "."
                        + field.getName() + " is a " + field.getType().getSimpleName() + " but holds a "
                        + value.getClass().getName() + ", which Jig cannot start. Assign a declaration to it: "
                        + "SystemUnderTest, FakeServer.tcp/http or Proxy.to(...).");
            }
            return resource;
        } catch (IllegalAccessException | RuntimeException e) {
            if (e instanceof JigConfigurationException config) {
                throw config;
            }
            throw new JigConfigurationException("Cannot read field " + field.getDeclaringClass().getSimpleName()
                    + "." + field.getName() + ": " + e + ". Make the test class's package open to Jig.");
        }
    }

    private static List<JigResource> unique(List<JigResource> resources, String where) {
        Map<String, JigResource> byName = new HashMap<>();
        List<JigResource> distinct = new ArrayList<>();
        for (JigResource resource : resources) {
            JigResource earlier = byName.putIfAbsent(resource.name(), resource);
            if (earlier == null) {
                distinct.add(resource);
            } else if (earlier != resource) {
                throw new JigConfigurationException(where + " declares two resources named '" + resource.name()
                        + "'. Names identify resources in @Connect, records and messages: give each its own.");
            }
        }
        return distinct;
    }

    private static List<Class<?>> hierarchy(Class<?> type) {
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> current = type; current != null && current != Object.class;
                current = current.getSuperclass()) {
            chain.add(0, current);
        }
        return chain;
    }
}
