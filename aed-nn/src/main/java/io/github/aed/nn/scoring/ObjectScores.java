package io.github.aed.nn.scoring;

import io.github.aed.core.detection.Detection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The raw test-time scores of one object: one number per proxy task, higher meaning more abnormal (e.g. the
 * probability of "backward" for the arrow of time, the mean absolute error for middle-box reconstruction).
 *
 * @param detection the object (its frame index and box place the score in the video)
 * @param byTask    task name → raw score, in the tasks' order; every value finite
 */
public record ObjectScores(Detection detection, Map<String, Double> byTask) {

    /** Validates and copies the scores. */
    public ObjectScores {
        Objects.requireNonNull(detection, "detection");
        if (byTask.isEmpty()) {
            throw new IllegalArgumentException("frame " + detection.frameIndex() + ": an object needs at least one task score");
        }
        for (Map.Entry<String, Double> e : byTask.entrySet()) {
            if (e.getValue() == null || !Double.isFinite(e.getValue())) {
                throw new IllegalArgumentException("frame " + detection.frameIndex() + " " + detection.box()
                        + ": score of task '" + e.getKey() + "' is " + e.getValue() + ", expected a finite number");
            }
        }
        byTask = Collections.unmodifiableMap(new LinkedHashMap<>(byTask));
    }

    /** The raw score of one task. */
    public double score(String task) {
        Double v = byTask.get(task);
        if (v == null) {
            throw new IllegalArgumentException("no score for task '" + task + "'; the object has " + byTask.keySet());
        }
        return v;
    }

    /** The same object with only the scores of these tasks (all of which it must have), in its own task order. */
    public ObjectScores restrictedTo(java.util.Set<String> tasks) {
        Map<String, Double> kept = new LinkedHashMap<>();
        byTask.forEach((task, v) -> {
            if (tasks.contains(task)) {
                kept.put(task, v);
            }
        });
        if (kept.size() != tasks.size()) {
            throw new IllegalArgumentException("frame " + detection.frameIndex() + ": no score for some of " + tasks
                    + "; the object has " + byTask.keySet());
        }
        return kept.equals(byTask) ? this : new ObjectScores(detection, kept);
    }
}
