package dev.jig.system;

import dev.jig.leftover.Owner;
import java.util.List;

/**
 * One registered system as written to disk: its backend's kind and id, and the JVM that started it
 * ({@link Owner#label()}: pid, start instant and host, so a stranger that later got the same pid, or a JVM of
 * another host, is never taken for it).
 */
record RegistryEntry(String name, String kind, String id, List<String> command, String owner) {

    static RegistryEntry of(String name, String kind, String id, List<String> maskedCommand) {
        return new RegistryEntry(name, kind, id, List.copyOf(maskedCommand), Owner.current().label());
    }

    /** Whether the JVM that started it may still run: only one of this host known to be gone does not. */
    boolean ownerAlive() {
        return Owner.parse(owner).map(known -> !known.isGone()).orElse(true);
    }
}
