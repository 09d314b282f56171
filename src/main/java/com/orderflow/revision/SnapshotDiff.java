package com.orderflow.revision;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** Field-by-field difference of two snapshots, named by JSON path such as {@code contract.paymentTermsDays}. */
public final class SnapshotDiff {

    public record FieldDifference(String field, JsonNode before, JsonNode after) {
    }

    private SnapshotDiff() {
    }

    public static List<FieldDifference> between(JsonNode before, JsonNode after) {
        Map<String, JsonNode> left = flatten(before);
        Map<String, JsonNode> right = flatten(after);
        Set<String> fields = new LinkedHashSet<>(left.keySet());
        fields.addAll(right.keySet());
        List<FieldDifference> differences = new ArrayList<>();
        for (String field : fields) {
            JsonNode a = left.get(field);
            JsonNode b = right.get(field);
            if (!Objects.equals(a, b)) {
                differences.add(new FieldDifference(field, a, b));
            }
        }
        return differences;
    }

    /** Objects are walked into; arrays stay whole values, as users read "the lines" as one thing. */
    private static Map<String, JsonNode> flatten(JsonNode node) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        walk("", node, out);
        return out;
    }

    private static void walk(String prefix, JsonNode node, Map<String, JsonNode> out) {
        if (node != null && node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                var e = it.next();
                walk(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (node != null && !node.isNull()) {
            out.put(prefix, node);
        }
    }
}
