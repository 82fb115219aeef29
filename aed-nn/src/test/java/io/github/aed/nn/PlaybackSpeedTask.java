package io.github.aed.nn;

import io.github.aed.nn.task.FrameSelection;
import io.github.aed.nn.task.TaskSample;
import io.github.aed.nn.task.TrainingObject;
import io.github.aed.nn.task.TwoWayTask;
import java.util.Map;
import java.util.random.RandomGenerator;

/** A fifth task written outside the library: is the 7-frame sequence played at normal or double speed? */
public final class PlaybackSpeedTask extends TwoWayTask {

    public static final String NAME = "playback-speed";
    private static final FrameSelection NORMAL = FrameSelection.consecutive(3, false);
    private static final FrameSelection DOUBLE = new FrameSelection(new int[] {-6, -4, -2, 0, 2, 4, 6});

    public PlaybackSpeedTask() {
        super(NAME, 1, NORMAL, 6);
    }

    @Override
    public TaskSample sample(TrainingObject object, FrameSelection sharedInput, RandomGenerator random) {
        boolean fast = random.nextBoolean();
        return labelled(fast ? DOUBLE : NORMAL, fast);
    }

    @Override
    public Map<String, String> settings() {
        return Map.of();
    }
}
