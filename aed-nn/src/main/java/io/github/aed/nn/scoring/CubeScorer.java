package io.github.aed.nn.scoring;

import io.github.aed.core.cube.CubeBatch;
import io.github.aed.core.cube.CubeSettings;
import io.github.aed.core.video.Frame;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Gives each object cube its raw per-task anomaly scores: the trained network behind the scoring pipeline, seen only
 * through arrays (pre- and post-processing stay outside the model). Implementations state their thread-safety.
 */
public interface CubeScorer {

    /** The cubes this scorer expects: temporal radius, crop size and colour mode it was trained for. */
    CubeSettings cubeSettings();

    /** The tasks whose scores {@link #score} returns, in order. */
    List<String> taskNames();

    /**
     * One {@link ObjectScores} per cube, in batch order, each with a score for every task.
     *
     * @param batch   the objects' cubes
     * @param frameAt the video's full frames by index, for scorers that look at an object at full resolution (a
     *                distillation teacher, optical flow): at least the frames each object's cube spans (its frame and
     *                the {@link CubeSettings#temporalRadius()} k frames on either side, as far as the video has them)
     *                and every frame after them read so far; null for a frame not at hand or not in the video
     */
    List<ObjectScores> score(CubeBatch batch, IntFunction<Frame> frameAt);
}
