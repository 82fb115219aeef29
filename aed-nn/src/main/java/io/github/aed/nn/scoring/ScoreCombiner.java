package io.github.aed.nn.scoring;

import io.github.aed.core.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Step 1 of scoring: each task's raw score scaled to [0, 1], the scaled scores summed, the sum scaled again, giving the
 * object score S (SSMTL §6.2–6.3). Where the ranges come from is the {@link Normalisation}.
 */
final class ScoreCombiner {

    private final ScoringSettings settings;
    private final ScoreStatistics statistics;

    ScoreCombiner(ScoringSettings settings, ScoreStatistics statistics) {
        if (settings.normalisation() == Normalisation.TRAINING_MIN_MAX && statistics == null) {
            throw new IllegalArgumentException("TRAINING_MIN_MAX normalisation needs the training score statistics");
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
        Set<String> tasks = objects.get(0).byTask().keySet();
        for (ObjectScores o : objects) {
            if (!o.byTask().keySet().equals(tasks)) {
                throw new InvalidInputException(video + " frame " + o.detection().frameIndex() + ": object has scores for "
                        + o.byTask().keySet() + ", other objects for " + tasks);
            }
        }
        Normalisation mode = settings.normalisation();
        ScoreStatistics ranges = switch (mode) {
            case PER_VIDEO_MIN_MAX -> ScoreStatistics.of(objects, settings.perTaskScaling());
            case TRAINING_MIN_MAX -> statistics;
            case NONE -> null;
        };
        boolean scaleTasks = settings.perTaskScaling() && ranges != null;
        for (ObjectScores o : objects) {
            double sum = 0;
            for (String task : tasks) {
                sum += scaleTasks ? ScoreStatistics.scale(o.score(task), ranges.range(task)) : o.score(task);
            }
            if (ranges != null) {
                sum = ScoreStatistics.scale(sum, ranges.sumRange());
            }
            if (mode == Normalisation.TRAINING_MIN_MAX) {
                sum = Math.max(0, sum);
            }
            out.add(new FramePipeline.Combined(o.detection(), sum, o.byTask()));
        }
        return out;
    }
}
