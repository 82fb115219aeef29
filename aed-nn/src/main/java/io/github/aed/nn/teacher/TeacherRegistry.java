package io.github.aed.nn.teacher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Teacher factories by name, so that a model file naming a teacher and its settings can re-create it. The defaults
 * know the built-in teachers; register your own with {@link #register}. Not thread-safe while registering.
 */
public final class TeacherRegistry {

    private final Map<String, Function<Map<String, String>, Teacher>> factories = new LinkedHashMap<>();

    private TeacherRegistry() {
    }

    /** A registry of the built-in teachers. */
    public static TeacherRegistry defaults() {
        TeacherRegistry r = new TeacherRegistry();
        r.register(DetectorConfidenceTeacher.NAME, s -> new DetectorConfidenceTeacher(Integer.parseInt(require(s, "classes"))));
        r.register(DetectorClassScoresTeacher.NAME, s -> new DetectorClassScoresTeacher(Integer.parseInt(require(s, "classes"))));
        r.register(OpenCvClassifierTeacher.NAME, OpenCvClassifierTeacher::fromSettings);
        r.register(HogPersonTeacher.NAME, s -> new HogPersonTeacher());
        r.register(BoxShapeTeacher.NAME, s -> new BoxShapeTeacher());
        r.register(ConcatenatedTeacher.NAME, s -> r.concatenated(s));
        return r;
    }

    /** Adds (or replaces) the factory for a teacher name. */
    public TeacherRegistry register(String name, Function<Map<String, String>, Teacher> factory) {
        factories.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(factory, "factory"));
        return this;
    }

    /**
     * The teacher of this name, made from its settings.
     *
     * @throws IllegalArgumentException if the name is not registered or a setting is missing
     */
    public Teacher create(String name, Map<String, String> settings) {
        var f = factories.get(name);
        if (f == null) {
            throw new IllegalArgumentException("unknown teacher '" + name + "'; registered: " + factories.keySet()
                    + " (register your own with TeacherRegistry.register)");
        }
        return f.apply(settings);
    }

    private Teacher concatenated(Map<String, String> s) {
        String[] names = require(s, "parts").split(",");
        List<Teacher> parts = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            String prefix = i + ".";
            Map<String, String> own = new TreeMap<>();
            s.forEach((k, v) -> {
                if (k.startsWith(prefix)) {
                    own.put(k.substring(prefix.length()), v);
                }
            });
            parts.add(create(names[i], own));
        }
        return new ConcatenatedTeacher(parts);
    }

    static String require(Map<String, String> s, String key) {
        String v = s.get(key);
        if (v == null) {
            throw new IllegalArgumentException("teacher setting '" + key + "' is missing from " + s);
        }
        return v;
    }
}
