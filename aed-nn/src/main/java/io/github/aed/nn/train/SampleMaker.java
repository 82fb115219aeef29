package io.github.aed.nn.train;

import io.github.aed.nn.network.EncoderInput;
import io.github.aed.nn.network.GraphLayout;
import io.github.aed.nn.network.MultiTaskNetwork;
import io.github.aed.nn.task.FrameSelection;
import io.github.aed.nn.task.ProxyTask;
import io.github.aed.nn.task.TaskSample;
import io.github.aed.nn.task.TrainingObject;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Turns one training object into a {@link PreparedSample}: asks every task for its sample (tasks that draw their own
 * input first, then those reading another task's input), each with its own random source derived from the object's
 * seed and the task's position, and copies the chosen frames. Deterministic for a given seed. Thread-safe.
 */
public final class SampleMaker {

    private final List<ProxyTask> tasks;
    private final GraphLayout layout;
    private final int channels;
    private final int size;

    public SampleMaker(MultiTaskNetwork network) {
        this.tasks = network.tasks();
        this.layout = network.trainingLayout();
        this.channels = network.settings().channels();
        this.size = network.settings().cubeSize();
    }

    /** The largest cube radius any task's training samples need. */
    public int requiredRadius() {
        return tasks.stream().mapToInt(ProxyTask::trainingRadius).max().orElse(0);
    }

    /**
     * The sample of one object.
     *
     * @param seed the object's seed (e.g. mixed from the run's seed, the epoch, the video and the object's position)
     * @throws IllegalArgumentException if the cube does not fit, or a task breaks its contract
     */
    public PreparedSample prepare(TrainingObject object, long seed) {
        if (object.channels() != channels || object.size() != size) {
            throw new IllegalArgumentException("training cube of " + object.channels() + " channels, " + object.size()
                    + " px does not fit a network of " + channels + " channels, " + size + " px");
        }
        if (object.radius() < requiredRadius()) {
            throw new IllegalArgumentException("training cubes have k=" + object.radius() + ", the tasks need k >= "
                    + requiredRadius());
        }
        int n = tasks.size();
        TaskSample[] samples = new TaskSample[n];
        FrameSelection[] pathInputs = new FrameSelection[layout.paths().size()];
        for (int pass = 0; pass < 2; pass++) {
            for (int t = 0; t < n; t++) {
                ProxyTask task = tasks.get(t);
                boolean owner = task.inputOf().equals(task.name());
                if (owner != (pass == 0)) {
                    continue;
                }
                int path = layout.taskPath()[t];
                SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + t);
                TaskSample s = task.sample(object, owner ? null : pathInputs[path], random);
                check(task, s, owner);
                if (owner) {
                    pathInputs[path] = s.input();
                }
                samples[t] = s;
            }
        }
        byte[][] inputs = new byte[pathInputs.length][];
        for (int p = 0; p < inputs.length; p++) {
            inputs[p] = frames(object, pathInputs[p]);
        }
        float[][] targets = new float[n][];
        boolean[] applies = new boolean[n];
        for (int t = 0; t < n; t++) {
            targets[t] = samples[t].target();
            applies[t] = samples[t].applies();
        }
        return new PreparedSample(inputs, targets, applies);
    }

    private void check(ProxyTask task, TaskSample s, boolean owner) {
        if (owner && (s.input() == null || s.input().length() != task.testInput().length())) {
            throw new IllegalArgumentException("task " + task.name() + " must give an input of " + task.testInput().length()
                    + " frames, gave " + s.input());
        }
        if (!owner && s.input() != null) {
            throw new IllegalArgumentException("task " + task.name() + " reads the input of " + task.inputOf()
                    + " and must not draw its own");
        }
        int len = task.head().outputLength(channels, size);
        if (s.target().length != len) {
            throw new IllegalArgumentException("task " + task.name() + " gave a target of " + s.target().length
                    + " values, expected " + len);
        }
    }

    /** The selected frames as bytes (value × 255), in the encoder's input layout (see {@link EncoderInput}). */
    static byte[] frames(TrainingObject o, FrameSelection sel) {
        int[] index = EncoderInput.gatherIndex(o.channels(), o.radius(), o.size(), sel);
        byte[] out = new byte[index.length];
        float[] cube = o.cube();
        for (int q = 0; q < index.length; q++) {
            out[q] = (byte) Math.round(cube[index[q]] * 255f);
        }
        return out;
    }
}
