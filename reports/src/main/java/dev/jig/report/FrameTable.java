package dev.jig.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.HashMap;
import java.util.Map;

/** Interns method names so a page names each frame once and trees refer to it by number. */
final class FrameTable {

    private final Map<String, Integer> index = new HashMap<>();
    private final ArrayNode names = JsonNodeFactory.instance.arrayNode();

    int of(String frame) {
        return index.computeIfAbsent(frame, f -> {
            names.add(f);
            return names.size() - 1;
        });
    }

    ArrayNode names() {
        return names;
    }
}
