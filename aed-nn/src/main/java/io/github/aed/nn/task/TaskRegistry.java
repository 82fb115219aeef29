package io.github.aed.nn.task;

import io.github.aed.nn.teacher.TeacherRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@link ProxyTaskProvider}s by task name, so that a model file listing its tasks and their settings can re-create
 * them. {@link #defaults()} finds every provider on the class path with {@link ServiceLoader} (the four built-in tasks,
 * and any task whose jar lists its provider in {@code META-INF/services/io.github.aed.nn.task.ProxyTaskProvider});
 * {@link #register} adds one in code. Not thread-safe while registering.
 */
public final class TaskRegistry {

    private final Map<String, ProxyTaskProvider> providers = new TreeMap<>();
    private final TeacherRegistry teachers;

    private TaskRegistry(TeacherRegistry teachers) {
        this.teachers = teachers;
    }

    /** Every task provider on the class path, with the built-in teachers for distillation. */
    public static TaskRegistry defaults() {
        return defaults(TeacherRegistry.defaults());
    }

    /**
     * Every task provider on the class path (found by {@link ServiceLoader} through this class's loader), with
     * distillation teachers from the given registry.
     *
     * @throws IllegalStateException if two providers on the class path make tasks of the same name
     */
    public static TaskRegistry defaults(TeacherRegistry teachers) {
        TaskRegistry r = new TaskRegistry(Objects.requireNonNull(teachers, "teachers"));
        Map<String, String> providerClasses = new HashMap<>();
        for (ProxyTaskProvider p : ServiceLoader.load(ProxyTaskProvider.class, TaskRegistry.class.getClassLoader())) {
            String earlier = providerClasses.put(p.name(), p.getClass().getName());
            if (earlier != null) {
                throw new IllegalStateException("two task providers on the class path make tasks named '" + p.name()
                        + "': " + earlier + " and " + p.getClass().getName());
            }
            r.register(p);
        }
        return r;
    }

    /** Adds (or replaces) the provider for its task name; for tasks whose jar does not list their provider. */
    public TaskRegistry register(ProxyTaskProvider provider) {
        providers.put(Objects.requireNonNull(provider.name(), "provider name"), provider);
        return this;
    }

    /** Whether a provider makes tasks of this name. */
    public boolean knows(String name) {
        return providers.containsKey(name);
    }

    /** The task names the providers make, sorted. */
    public Set<String> names() {
        return providers.keySet();
    }

    /**
     * The task of this name, made by its provider from the settings a model file stored ({@link ProxyTask#settings()}).
     *
     * @throws IllegalArgumentException if no provider makes tasks of this name (the message lists those that exist), or
     *                                  the settings have no valid weight
     * @throws IllegalStateException    if the provider made a task of another name or weight
     */
    public ProxyTask create(String name, Map<String, String> settings) {
        ProxyTaskProvider provider = providers.get(name);
        if (provider == null) {
            throw new IllegalArgumentException("no task provider makes tasks named '" + name + "'; the providers on the "
                    + "class path make " + providers.keySet() + " (a custom task lists its ProxyTaskProvider in "
                    + "META-INF/services/" + ProxyTaskProvider.class.getName() + ")");
        }
        Map<String, String> options = new TreeMap<>(settings);
        double weight = weight(name, options.remove(ProxyTask.WEIGHT));
        ProxyTask task = provider.create(new TaskSettings(name, weight, options, teachers));
        if (!task.name().equals(name)) {
            throw new IllegalStateException("the provider " + provider.getClass().getName() + " of task '" + name
                    + "' made a task named '" + task.name() + "'");
        }
        if (Double.compare(task.weight(), weight) != 0) {
            throw new IllegalStateException("the provider " + provider.getClass().getName() + " made task '" + name
                    + "' with weight " + task.weight() + " instead of the saved weight " + weight);
        }
        return task;
    }

    private static double weight(String task, String saved) {
        if (saved == null) {
            throw new IllegalArgumentException("task " + task + ": the settings have no '" + ProxyTask.WEIGHT + "'");
        }
        try {
            return Double.parseDouble(saved);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("task " + task + ": '" + ProxyTask.WEIGHT + "' must be a number, got '"
                    + saved + "'", e);
        }
    }
}
