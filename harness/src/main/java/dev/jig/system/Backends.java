package dev.jig.system;

import dev.jig.system.container.ContainerBackend;
import dev.jig.system.container.Docker;
import dev.jig.system.internal.Backend;
import dev.jig.system.process.ProcessBackend;
import java.util.ArrayList;
import java.util.List;

/** The backends whose leftovers a full reap looks for: processes always, containers where Docker runs. */
final class Backends {

    private Backends() {
    }

    static List<Backend> all() {
        List<Backend> all = new ArrayList<>();
        all.add(ProcessBackend.backend());
        try {
            if (Docker.availability().available()) {
                all.add(ContainerBackend.backend());
            }
        } catch (LinkageError e) {
            // no Testcontainers: no containers to reap
        }
        return all;
    }
}
