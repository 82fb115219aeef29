package io.github.aed.nn;

import io.github.aed.core.detection.Detection;
import io.github.aed.core.geometry.Box;
import io.github.aed.nn.task.TrainingObject;
import java.util.SplittableRandom;

/** Generated training objects for tests: a bright square moving at constant speed over a dim noisy background. */
public final class TinyScenes {

    private TinyScenes() {
    }

    /**
     * A cube of a square moving one step per frame, always rightwards (so that the arrow of time can be told), at an
     * angle within ±60° from the seed; values are multiples of 1/255.
     *
     * @param teacherOutputs teacher targets to attach, or null
     */
    public static TrainingObject movingSquare(long seed, int channels, int radius, int size, float[] teacherOutputs) {
        return movingSquare(seed, channels, radius, size, teacherOutputs, false);
    }

    /** The vertical direction of the square of this seed: true when it moves down the image. */
    public static boolean movesDown(long seed) {
        return Math.sin((new SplittableRandom(seed).nextDouble() - 0.5) * Math.PI * 2 / 3) > 0;
    }

    /**
     * As above; with {@code directionTeacher} the teacher outputs are {@code [0.8, 0]} for a square moving down and
     * {@code [0, 0.8]} otherwise (a teacher the network can learn from the frames).
     */
    public static TrainingObject movingSquare(long seed, int channels, int radius, int size, float[] teacherOutputs,
                                              boolean directionTeacher) {
        if (directionTeacher) {
            teacherOutputs = movesDown(seed) ? new float[] {0.8f, 0} : new float[] {0, 0.8f};
        }
        SplittableRandom r = new SplittableRandom(seed);
        int depth = 2 * radius + 1;
        float[] cube = new float[channels * depth * size * size];
        int side = Math.max(2, size / 4);
        double angle = (r.nextDouble() - 0.5) * Math.PI * 2 / 3;
        double speed = Math.max(1, size / 16.0);
        double cx = size / 2.0;
        double cy = size / 2.0;
        for (int d = 0; d < depth; d++) {
            double t = d - radius;
            int x0 = (int) Math.floorMod(Math.round(cx + speed * t * Math.cos(angle)) - side / 2, size);
            int y0 = (int) Math.floorMod(Math.round(cy + speed * t * Math.sin(angle)) - side / 2, size);
            for (int c = 0; c < channels; c++) {
                int base = (c * depth + d) * size * size;
                for (int p = 0; p < size * size; p++) {
                    cube[base + p] = r.nextInt(40) / 255f;
                }
                for (int y = 0; y < side; y++) {
                    for (int x = 0; x < side; x++) {
                        cube[base + ((y0 + y) % size) * size + (x0 + x) % size] = (200 + 20 * c) / 255f;
                    }
                }
            }
        }
        Detection det = Detection.of(radius, new Box(0, 0, size, size), 0, "object", 0.9);
        return new TrainingObject(cube, channels, radius, size, det, teacherOutputs);
    }
}
