package io.github.aed.nn.network;

import io.github.aed.core.cube.CubeBatch;
import io.github.aed.core.detection.Detection;
import java.util.List;

/**
 * The raw anomaly score of every task for every object of a {@link CubeBatch} (higher = more abnormal), before any
 * normalisation: the input of the scoring pipeline, which normalises per video and task, sums, and maps the objects'
 * scores to frames.
 */
public final class BatchScores {

    private final CubeBatch batch;
    private final List<String> tasks;
    private final double[][] scores;

    BatchScores(CubeBatch batch, List<String> tasks, double[][] scores) {
        this.batch = batch;
        this.tasks = List.copyOf(tasks);
        this.scores = scores;
    }

    /** The scored cubes (their detections give frame and box of each object). */
    public CubeBatch batch() {
        return batch;
    }

    /** Task names, in score order. */
    public List<String> tasks() {
        return tasks;
    }

    /** Number of objects. */
    public int size() {
        return batch.size();
    }

    public Detection detection(int object) {
        return batch.detections().get(object);
    }

    /** The raw score of task {@code task} (index into {@link #tasks()}) for object {@code object}. */
    public double score(int task, int object) {
        return scores[task][object];
    }

    /** The raw scores of a task by name, one per object (a copy). */
    public double[] scoresOf(String task) {
        int t = tasks.indexOf(task);
        if (t < 0) {
            throw new IllegalArgumentException("no task '" + task + "' among " + tasks);
        }
        return scores[t].clone();
    }
}
