package io.github.aed.nn.task;

import io.github.aed.nn.teacher.TeacherRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Task factories by name, so that a model file listing its tasks and their settings can re-create them. The defaults
 * know the four built-in tasks; a user's task is registered with {@link #register} before loading a model that uses
 * it. Not thread-safe while registering.
 */
public final class TaskRegistry {

    private final Map<String, Function<Map<String, String>, ProxyTask>> factories = new LinkedHashMap<>();
    private final TeacherRegistry teachers;

    private TaskRegistry(TeacherRegistry teachers) {
        this.teachers = teachers;
    }

    /** The built-in tasks, with the built-in teachers for distillation. */
    public static TaskRegistry defaults() {
        return defaults(TeacherRegistry.defaults());
    }

    /** The built-in tasks, with distillation teachers from the given registry. */
    public static TaskRegistry defaults(TeacherRegistry teachers) {
        TaskRegistry r = new TaskRegistry(Objects.requireNonNull(teachers, "teachers"));
        r.register(ArrowOfTime.NAME, s -> new ArrowOfTime(weight(s)));
        r.register(MotionIrregularity.NAME, s -> new MotionIrregularity(weight(s), Integer.parseInt(s.getOrDefault("maxGap", "3"))));
        r.register(MiddleBox.NAME, s -> new MiddleBox(weight(s), s.getOrDefault("inputOf", ArrowOfTime.NAME)));
        r.register(KnowledgeDistillation.NAME, r::distillation);
        return r;
    }

    /** Adds (or replaces) the factory for a task name. */
    public TaskRegistry register(String name, Function<Map<String, String>, ProxyTask> factory) {
        factories.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(factory, "factory"));
        return this;
    }

    /** Whether a factory is registered under this name. */
    public boolean knows(String name) {
        return factories.containsKey(name);
    }

    /**
     * The task of this name, made from its settings.
     *
     * @throws IllegalArgumentException if the name is not registered
     */
    public ProxyTask create(String name, Map<String, String> settings) {
        var f = factories.get(name);
        if (f == null) {
            throw new IllegalArgumentException("unknown task '" + name + "'; registered tasks: " + factories.keySet()
                    + " (register a custom task with TaskRegistry.register before loading)");
        }
        ProxyTask t = f.apply(settings);
        if (!t.name().equals(name)) {
            throw new IllegalStateException("the factory registered as '" + name + "' made a task named '" + t.name() + "'");
        }
        return t;
    }

    private ProxyTask distillation(Map<String, String> s) {
        Map<String, String> own = new TreeMap<>();
        s.forEach((k, v) -> {
            if (k.startsWith("teacher.")) {
                own.put(k.substring("teacher.".length()), v);
            }
        });
        String teacherName = s.get("teacher");
        if (teacherName == null) {
            throw new IllegalArgumentException("distillation settings name no teacher: " + s);
        }
        KnowledgeDistillation kd = new KnowledgeDistillation(teachers.create(teacherName, own), weight(s),
                org.nd4j.linalg.activations.Activation.valueOf(s.getOrDefault("activation", "SOFTPLUS")));
        String outputs = s.get("outputs");
        if (outputs != null && Integer.parseInt(outputs) != kd.teacher().outputSize()) {
            throw new IllegalArgumentException("teacher " + teacherName + " now gives " + kd.teacher().outputSize()
                    + " outputs, the saved task expects " + outputs);
        }
        return kd;
    }

    private static double weight(Map<String, String> s) {
        String w = s.get("weight");
        if (w == null) {
            throw new IllegalArgumentException("task settings have no weight: " + s);
        }
        return Double.parseDouble(w);
    }
}
