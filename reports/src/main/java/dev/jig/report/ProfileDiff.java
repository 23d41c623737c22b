package dev.jig.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jig.record.RunRecord;
import dev.jig.record.TestRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The profile half of a diff: methods whose self time changed, and a differential flame graph. */
final class ProfileDiff {

    private ProfileDiff() {
    }

    static List<RunDiff.Change> methodChanges(RunRecord base, RunRecord head) {
        ProfileView before = aggregate(base);
        ProfileView after = aggregate(head);
        List<RunDiff.Change> changes = new ArrayList<>();
        if (before == null || after == null) {
            return changes;
        }
        Map<String, Long> old = new LinkedHashMap<>();
        before.flat().forEach(r -> old.put(r.method(), r.self()));
        for (ProfileView.Row r : after.flat()) {
            Long o = old.get(r.method());
            if (o != null) {
                changes.add(RunDiff.Change.of("method (self)", r.method(), after.unit(), o, r.self()));
            }
        }
        return changes;
    }

    /** Adds "flame" (a compact tree with a base column "b") when both runs have exact profiles. */
    static void flame(RunRecord base, RunRecord head, ObjectNode diff) {
        ProfileView before = aggregate(base);
        ProfileView after = aggregate(head);
        if (before == null || after == null || before.tree() == null || after.tree() == null) {
            return;
        }
        FrameTable frames = new FrameTable();
        ObjectNode tree = TreeEncoder.encode(after.tree(), frames, 0);
        ArrayNode baseColumn = tree.putArray("b");
        addBase(after.tree(), before.tree(), baseColumn);
        // The diff's frames are its own table: the names are inlined so the page needs no lookup in JIG.frames.
        ArrayNode names = tree.putArray("names");
        tree.get("f").forEach(i -> names.add(frames.names().get(i.asInt())));
        diff.set("flame", tree);
        diff.put("flameUnit", after.unit());
    }

    /** Walks the head tree in the encoder's order, writing the base total of the same call path (0 if new). */
    private static void addBase(TreeEncoder.Node head, TreeEncoder.Node base, ArrayNode column) {
        column.add(base == null ? 0 : base.total());
        for (TreeEncoder.Node child : head.children()) {
            if (child.total() < 1) {
                continue; // the encoder drops empty nodes; keep the columns aligned
            }
            TreeEncoder.Node match = null;
            if (base != null) {
                match = base.children().stream().filter(c -> c.frame().equals(child.frame())).findFirst().orElse(null);
            }
            addBase(child, match, column);
        }
    }

    private static ProfileView aggregate(RunRecord run) {
        List<ProfileView> views = new ArrayList<>();
        for (int i = 0; i < run.tests().size(); i++) {
            TestRecord test = run.tests().get(i);
            if (test.profile() != null && test.profile().exact() != null) {
                views.add(ProfileView.exact(test.displayName(), i, test.profile().exact(),
                        HtmlReport.DEFAULT_FOLD_SHARE));
            }
        }
        if (views.isEmpty()) {
            return null;
        }
        return views.size() == 1 ? views.get(0) : ProfileView.aggregate("all", "exact", views);
    }
}
