package io.github.aed.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void escapesStringsAndWritesNullForEmpty() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", "C:\\data\\\"x\"\n\t\u0001");
        m.put("auc", OptionalDouble.empty());
        m.put("n", 3L);
        m.put("v", 0.25);
        m.put("list", List.of("a", 1));
        assertEquals("{\n  \"path\": \"C:\\\\data\\\\\\\"x\\\"\\n\\t\\u0001\",\n  \"auc\": null,\n  \"n\": 3,\n  \"v\": 0.25,\n"
                + "  \"list\": [\"a\", 1]\n}\n", Json.write(m));
    }

    @Test
    void refusesNonFiniteNumbers() {
        assertThrows(IllegalArgumentException.class, () -> Json.write(Arrays.asList(Double.NaN)));
    }
}
