package io.github.aed.nn.model;

import io.github.aed.nn.scoring.ScoreStatistics;
import io.github.aed.nn.scoring.ScoringSettings;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The raw test-time score of every task on every validation object of the training videos (normal data), one array
 * per task, aligned by object. What the scoring pipeline needs to scale scores without seeing a whole test video
 * ({@link io.github.aed.nn.scoring.Normalisation#TRAINING_QUANTILES}), kept whole so that any statistic can be derived.
 *
 * @param byTask task name → the objects' raw scores; all arrays of one length
 */
public record ValidationScores(Map<String, double[]> byTask) {

    /** Validates and copies the arrays. */
    public ValidationScores {
        Map<String, double[]> copy = new LinkedHashMap<>();
        int n = -1;
        for (Map.Entry<String, double[]> e : byTask.entrySet()) {
            if (n >= 0 && e.getValue().length != n) {
                throw new IllegalArgumentException("validation scores of task '" + e.getKey() + "' cover " + e.getValue().length
                        + " objects, other tasks " + n);
            }
            n = e.getValue().length;
            for (double v : e.getValue()) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("validation score of task '" + e.getKey() + "' is not finite");
                }
            }
            copy.put(e.getKey(), e.getValue().clone());
        }
        byTask = Collections.unmodifiableMap(copy);
    }

    /** No validation objects (a model trained without a validation split). */
    public static ValidationScores none() {
        return new ValidationScores(Map.of());
    }

    /** Number of validation objects. */
    public int count() {
        return byTask.isEmpty() ? 0 : byTask.values().iterator().next().length;
    }

    /** A copy of one task's scores. */
    public double[] scores(String task) {
        double[] s = byTask.get(task);
        if (s == null) {
            throw new IllegalArgumentException("no validation scores for task '" + task + "'; known: " + byTask.keySet());
        }
        return s.clone();
    }

    /**
     * The anchors of a training normalisation ({@link io.github.aed.nn.scoring.Normalisation#fromTraining()}) under
     * these settings: their normalisation, per-task scaling, scored tasks (empty = all) and fusion weights.
     *
     * @throws IllegalStateException    when there are no validation objects
     * @throws IllegalArgumentException when a scored task has no validation scores
     */
    public ScoreStatistics statistics(ScoringSettings settings) {
        if (count() == 0) {
            throw new IllegalStateException("the model has no validation scores (a checkpoint written before training finished, or a model "
                    + "trained without a validation split), so scores cannot be normalised with training statistics; "
                    + "finish training, or score with PER_VIDEO_MIN_MAX or NONE normalisation");
        }
        Set<String> tasks = settings.scoredTasks();
        if (tasks.isEmpty()) {
            return ScoreStatistics.of(byTask, settings.normalisation(), settings.perTaskScaling(), settings::weight);
        }
        Map<String, double[]> chosen = new LinkedHashMap<>();
        for (String task : byTask.keySet()) {
            if (tasks.contains(task)) {
                chosen.put(task, byTask.get(task));
            }
        }
        if (chosen.size() != tasks.size()) {
            throw new IllegalArgumentException("no validation scores for some of the tasks " + tasks + "; known: " + byTask.keySet());
        }
        return ScoreStatistics.of(chosen, settings.normalisation(), settings.perTaskScaling(), settings::weight);
    }

    /** "task: n=…, min … max, mean ± std" for every task. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, double[]> e : byTask.entrySet()) {
            double[] v = e.getValue();
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            for (double x : v) {
                min = Math.min(min, x);
                max = Math.max(max, x);
                sum += x;
            }
            double mean = sum / Math.max(1, v.length);
            double sq = 0;
            for (double x : v) {
                sq += (x - mean) * (x - mean);
            }
            sb.append(sb.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT, "%s: n=%d, %.4g..%.4g, mean %.4g ± %.4g",
                    e.getKey(), v.length, min, max, mean, Math.sqrt(sq / Math.max(1, v.length))));
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ValidationScores other) || !other.byTask.keySet().equals(byTask.keySet())) {
            return false;
        }
        return byTask.entrySet().stream().allMatch(e -> java.util.Arrays.equals(e.getValue(), other.byTask.get(e.getKey())));
    }

    @Override
    public int hashCode() {
        return byTask.keySet().hashCode() * 31 + count();
    }
}
