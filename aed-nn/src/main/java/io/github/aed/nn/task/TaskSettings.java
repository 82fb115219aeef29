package io.github.aed.nn.task;

import io.github.aed.nn.teacher.TeacherRegistry;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link ProxyTaskProvider} gets to re-create a task: the task's saved weight and {@link ProxyTask#options()},
 * and the teachers a distillation task may name.
 *
 * @param task     the task's name, for error messages
 * @param weight   the weight saved with the task
 * @param options  the task's own options
 * @param teachers re-creates the teachers that options name
 */
public record TaskSettings(String task, double weight, Map<String, String> options, TeacherRegistry teachers) {

    /** Validates and copies. */
    public TaskSettings {
        Objects.requireNonNull(task, "task");
        options = Map.copyOf(Objects.requireNonNull(options, "options"));
        Objects.requireNonNull(teachers, "teachers");
    }

    /** The option's value, or {@code fallback} when the task saved none. */
    public String option(String key, String fallback) {
        return options.getOrDefault(key, fallback);
    }

    /**
     * The option's value.
     *
     * @throws IllegalArgumentException naming the task and the option when it is missing
     */
    public String requiredOption(String key) {
        String value = options.get(key);
        if (value == null) {
            throw new IllegalArgumentException("task " + task + ": the option '" + key + "' is missing from " + options);
        }
        return value;
    }

    /**
     * The option's value as an integer, or {@code fallback} when the task saved none.
     *
     * @throws IllegalArgumentException naming the task and the option when it is not an integer
     */
    public int intOption(String key, int fallback) {
        String value = options.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("task " + task + ": the option '" + key + "' must be an integer, got '"
                    + value + "'", e);
        }
    }
}
