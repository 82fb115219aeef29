package io.github.aed.nn.scoring;

import io.github.aed.core.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Step 1 of scoring: each score (task or attribute) scaled between its two anchors, the scaled scores summed with the
 * fusion weights ({@link ScoringSettings#weights()}), the sum scaled again, giving the object score S (SSMTL §6.2–6.3,
 * which weighs every task 1 and scales by minimum and maximum). Where the anchors come from is the {@link Normalisation}.
 */
final class ScoreCombiner {

    private final ScoringSettings settings;
    private final ScoreStatistics statistics;

    ScoreCombiner(ScoringSettings settings, ScoreStatistics statistics) {
        if (settings.normalisation().fromTraining() && statistics == null) {
            throw new IllegalArgumentException(settings.normalisation() + " normalisation needs the training score statistics");
        }
        this.settings = settings;
        this.statistics = statistics;
    }

    /**
     * The objects with their combined scores. With {@link Normalisation#PER_VIDEO_MIN_MAX} the list must be all the
     * objects of one video; otherwise each object's score depends on itself only.
     */
    List<FramePipeline.Combined> combine(List<ObjectScores> objects, String video) {
        List<FramePipeline.Combined> out = new ArrayList<>(objects.size());
        if (objects.isEmpty()) {
            return out;
        }
        Set<String> available = objects.get(0).byTask().keySet();
        for (ObjectScores o : objects) {
            if (!o.byTask().keySet().equals(available)) {
                throw new InvalidInputException(video + " frame " + o.detection().frameIndex() + ": object has scores for "
                        + o.byTask().keySet() + ", other objects for " + available);
            }
        }
        Set<String> tasks = scoredTasks(available);
        Normalisation mode = settings.normalisation();
        ScoreStatistics anchors = switch (mode) {
            case PER_VIDEO_MIN_MAX -> ScoreStatistics.of(objects.stream().map(o -> o.restrictedTo(tasks)).toList(), mode,
                    settings.perTaskScaling(), settings::weight);
            case TRAINING_QUANTILES, TRAINING_MIN_MAX -> statistics;
            case NONE -> null;
        };
        if (mode.fromTraining() && !statistics.taskAnchors().keySet().equals(tasks)) {
            throw new IllegalArgumentException("the training statistics cover the tasks " + statistics.taskAnchors().keySet()
                    + " but the object score sums " + tasks + "; compute them for the scored tasks");
        }
        boolean scaleTasks = settings.perTaskScaling() && anchors != null;
        for (ObjectScores o : objects) {
            double sum = 0;
            for (String task : tasks) {
                sum += settings.weight(task) * (scaleTasks ? ScoreStatistics.scale(o.score(task), anchors.anchors(task)) : o.score(task));
            }
            if (anchors != null) {
                sum = ScoreStatistics.scale(sum, anchors.sumAnchors());
            }
            if (mode.fromTraining()) {
                sum = Math.max(0, sum);
            }
            out.add(new FramePipeline.Combined(o.detection(), sum, o.byTask()));
        }
        return out;
    }

    /** The scored tasks, in the objects' order, checked against the tasks the objects have scores for. */
    private Set<String> scoredTasks(Set<String> available) {
        Set<String> wanted = settings.scoredTasks();
        if (wanted.isEmpty()) {
            return available;
        }
        if (!available.containsAll(wanted)) {
            throw new IllegalArgumentException("scoredTasks " + wanted + " names tasks the model does not have; its tasks: "
                    + available);
        }
        Set<String> tasks = new LinkedHashSet<>(available);
        tasks.retainAll(wanted);
        return tasks;
    }
}
