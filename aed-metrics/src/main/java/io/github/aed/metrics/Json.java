package io.github.aed.metrics;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A minimal JSON writer for reports: maps (keys in their iteration order), lists, strings, finite numbers, booleans
 * and null. Strings are escaped as RFC 8259 requires; a non-finite number is refused rather than written as invalid
 * JSON.
 */
final class Json {

    private Json() {
    }

    /** The value as indented JSON text. */
    static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, "");
        return sb.append('\n').toString();
    }

    private static void write(StringBuilder sb, Object value, String indent) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof OptionalDouble o) {
            write(sb, o.isPresent() ? (Object) o.getAsDouble() : null, indent);
        } else if (value instanceof String s) {
            string(sb, s);
        } else if (value instanceof Boolean b) {
            sb.append(b);
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("JSON has no representation for " + d);
            }
            sb.append(d);
        } else if (value instanceof Number n) {
            sb.append(n.longValue());
        } else if (value instanceof Enum<?> e) {
            string(sb, e.name());
        } else if (value instanceof Map<?, ?> m) {
            object(sb, m, indent);
        } else if (value instanceof List<?> l) {
            array(sb, l, indent);
        } else {
            throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " as JSON");
        }
    }

    private static void object(StringBuilder sb, Map<?, ?> m, String indent) {
        if (m.isEmpty()) {
            sb.append("{}");
            return;
        }
        String inner = indent + "  ";
        sb.append("{\n");
        int i = 0;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            sb.append(inner);
            string(sb, String.valueOf(e.getKey()));
            sb.append(": ");
            write(sb, e.getValue(), inner);
            sb.append(++i < m.size() ? ",\n" : "\n");
        }
        sb.append(indent).append('}');
    }

    private static void array(StringBuilder sb, List<?> l, String indent) {
        if (l.isEmpty()) {
            sb.append("[]");
            return;
        }
        boolean flat = l.stream().noneMatch(v -> v instanceof Map || v instanceof List);
        String inner = indent + "  ";
        sb.append(flat ? "[" : "[\n");
        for (int i = 0; i < l.size(); i++) {
            if (!flat) {
                sb.append(inner);
            }
            write(sb, l.get(i), inner);
            if (i + 1 < l.size()) {
                sb.append(flat ? ", " : ",\n");
            }
        }
        sb.append(flat ? "]" : "\n" + indent + "]");
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
