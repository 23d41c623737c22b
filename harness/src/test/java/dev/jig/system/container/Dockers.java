package dev.jig.system.container;

import java.util.List;
import java.util.stream.Collectors;

/** What the engine has, asked directly, so that tests check removal independently of the code under test. */
final class Dockers {

    private Dockers() {
    }

    static boolean exists(String containerId) {
        return DockerContainer.labelled().stream().anyMatch(c -> c.getId().equals(containerId));
    }

    /** Ids of this JVM's containers with the given name label, running or not. */
    static List<String> containersNamed(String name) {
        String owner = dev.jig.leftover.Owner.current().process();
        return DockerContainer.labelled().stream()
                .filter(c -> name.equals(c.getLabels().get(DockerContainer.NAME_LABEL)))
                .filter(c -> owner.equals(c.getLabels().get(DockerContainer.OWNER_LABEL)))
                .map(c -> c.getId()).collect(Collectors.toList());
    }
}
