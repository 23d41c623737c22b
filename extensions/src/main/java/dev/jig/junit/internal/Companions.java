package dev.jig.junit.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The resources of a test's stage: the companions of the class-level resources that have them (outermost class
 * first), then the test's own resources, each followed by its companion.
 */
final class Companions {

    private Companions() {
    }

    static List<JigResource> withCompanions(ExtensionContext context, List<JigResource> instanceResources) {
        List<JigResource> all = new ArrayList<>();
        // From the parent: the test's own stage is being created now, so asking for it here would wait on itself.
        List<Stage> classStages = new ArrayList<>(context.getParent().map(Lifecycle::visibleStages)
                .orElse(List.of()));
        Collections.reverse(classStages);
        for (Stage stage : classStages) {
            for (JigResource resource : stage.declared()) {
                if (resource instanceof TestCompanions owner) {
                    all.add(owner.testCompanion());
                }
            }
        }
        for (JigResource resource : instanceResources) {
            all.add(resource);
            if (resource instanceof TestCompanions owner) {
                all.add(owner.testCompanion());
            }
        }
        return all;
    }
}
