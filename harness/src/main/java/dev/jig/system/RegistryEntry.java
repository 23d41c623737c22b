package dev.jig.system;

import dev.jig.system.internal.Owner;
import java.util.List;

/**
 * One registered system as written to disk: its backend's kind and id, and the JVM that started it (pid plus
 * start instant, compared exactly, so a stranger that later got the same pid is never taken for it).
 */
record RegistryEntry(String name, String kind, String id, List<String> command, String owner) {

    static RegistryEntry of(String name, String kind, String id, List<String> maskedCommand) {
        return new RegistryEntry(name, kind, id, List.copyOf(maskedCommand), Owner.current());
    }

    /** Whether the JVM that started it still runs. */
    boolean ownerAlive() {
        return Owner.alive(owner);
    }
}
