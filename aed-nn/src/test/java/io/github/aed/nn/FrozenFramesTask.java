package io.github.aed.nn;

import io.github.aed.nn.task.FrameSelection;
import io.github.aed.nn.task.ProxyTaskProvider;
import io.github.aed.nn.task.TaskSample;
import io.github.aed.nn.task.TrainingObject;
import io.github.aed.nn.task.TwoWayTask;
import java.util.random.RandomGenerator;

/** A fifth task written outside the library: are the 7 frames the real sequence, or the middle frame repeated? */
public final class FrozenFramesTask extends TwoWayTask {

    public static final String NAME = "frozen-frames";
    private static final FrameSelection MOVING = FrameSelection.consecutive(3, false);
    private static final FrameSelection FROZEN = new FrameSelection(new int[7]);

    public FrozenFramesTask() {
        super(NAME, 1, MOVING, 3);
    }

    @Override
    public TaskSample sample(TrainingObject object, FrameSelection sharedInput, RandomGenerator random) {
        boolean frozen = random.nextBoolean();
        return labelled(frozen ? FROZEN : MOVING, frozen);
    }

    /** Makes the task again; registered in code by the tests, not listed in META-INF/services. */
    public static final class Provider extends ProxyTaskProvider {

        public Provider() {
            super(NAME, settings -> new FrozenFramesTask());
        }
    }
}
