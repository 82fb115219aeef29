package io.github.aed.detect.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.aed.core.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One node of a TensorFlow GraphDef as a TensorFlow.js {@code model.json} spells it (protobuf's JSON mapping): its name,
 * operation, the tensors it reads and its attributes.
 *
 * @param name   the node's name, unique in the graph
 * @param op     the TensorFlow operation, e.g. {@code Conv2D}
 * @param inputs the tensors it reads, in order; control dependencies ({@code ^name}) are dropped
 * @param attrs  the node's {@code attr} object (may be empty)
 */
record GraphNode(String name, String op, List<TensorRef> inputs, JsonNode attrs) {

    /** Output {@code index} of node {@code node}; TensorFlow writes it {@code node:index}, or {@code node} for 0. */
    record TensorRef(String node, int index) {

        static TensorRef parse(String text) {
            int colon = text.lastIndexOf(':');
            if (colon > 0 && text.substring(colon + 1).chars().allMatch(Character::isDigit) && colon < text.length() - 1) {
                return new TensorRef(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)));
            }
            return new TensorRef(text, 0);
        }

        @Override
        public String toString() {
            return index == 0 ? node : node + ":" + index;
        }
    }

    static GraphNode fromJson(JsonNode json) {
        String name = json.path("name").asText("");
        String op = json.path("op").asText("");
        if (name.isEmpty() || op.isEmpty()) {
            throw new InvalidInputException("graph node without a name or op: " + json);
        }
        List<TensorRef> inputs = new ArrayList<>();
        for (JsonNode in : json.path("input")) {
            if (!in.asText().startsWith("^")) {
                inputs.add(TensorRef.parse(in.asText()));
            }
        }
        return new GraphNode(name, op, List.copyOf(inputs), json.path("attr"));
    }

    boolean has(String attr) {
        return attrs.has(attr);
    }

    /** A string attribute ({@code s}, base64 in the JSON mapping). */
    String string(String attr) {
        return decode(required(attr).path("s").asText());
    }

    /** A string attribute, or {@code fallback} when the node has none. */
    String string(String attr, String fallback) {
        return has(attr) ? string(attr) : fallback;
    }

    /** A list of strings ({@code list.s}). */
    List<String> strings(String attr) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : required(attr).path("list").path("s")) {
            out.add(decode(s.asText()));
        }
        return out;
    }

    /** A list of integers ({@code list.i}; int64 values are strings in the JSON mapping). */
    long[] ints(String attr) {
        JsonNode list = required(attr).path("list").path("i");
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Long.parseLong(list.get(i).asText());
        }
        return out;
    }

    long integer(String attr, long fallback) {
        return has(attr) ? Long.parseLong(attrs.get(attr).path("i").asText("0")) : fallback;
    }

    double number(String attr, double fallback) {
        return has(attr) ? attrs.get(attr).path("f").asDouble(0) : fallback;
    }

    boolean flag(String attr, boolean fallback) {
        return has(attr) ? attrs.get(attr).path("b").asBoolean(false) : fallback;
    }

    /** A data-type attribute, e.g. {@code DT_FLOAT}. */
    String type(String attr) {
        return required(attr).path("type").asText("DT_FLOAT");
    }

    /** The error for this node: names the node and its operation. */
    InvalidInputException error(String problem) {
        return new InvalidInputException("node '" + name + "' (" + op + "): " + problem);
    }

    private JsonNode required(String attr) {
        JsonNode value = attrs.get(attr);
        if (value == null) {
            throw error("missing attribute '" + attr + "'");
        }
        return value;
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
