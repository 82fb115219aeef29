package io.github.aed.nn.task;

import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Motion irregularity: are the 7 frames consecutive or intermittent? With probability ½ the input is the consecutive
 * sequence −3…+3 (target {@code [1, 0]}), otherwise an intermittent one (target {@code [0, 1]}): six gaps
 * g0…g5 drawn independently and uniformly from 1…maxGap give the offsets
 * {@code −(g0+g1+g2), −(g1+g2), −g2, 0, g3, g3+g4, g3+g4+g5}, so with the default maxGap 3 every frame lies within ±9
 * of the middle (why training cubes need k ≥ 9). When every gap is 1 the "intermittent" sample is in fact
 * consecutive (probability 1/729); the reference keeps that label noise and so does this task.
 *
 * <p>Reference quirk kept: the consecutive sample is the arrow-of-time sequence, which is reversed half the time, so
 * consecutive samples here are reversed with probability ½ too; intermittent samples are always forward. Test score:
 * the probability of "intermittent" for the consecutive test sequence.
 */
public final class MotionIrregularity extends TwoWayTask {

    /** Registry name. */
    public static final String NAME = "motion-irregularity";
    private static final String MAX_GAP = "maxGap";
    private static final int DEFAULT_MAX_GAP = 3;
    private static final FrameSelection CONSECUTIVE = FrameSelection.consecutive(3, false);

    private final int maxGap;

    /** With the reference's weight 1 and gaps 1…3. */
    public MotionIrregularity() {
        this(1.0, DEFAULT_MAX_GAP);
    }

    /**
     * @param weight the task's weight in the total loss
     * @param maxGap the largest gap between picked frames, at least 1
     */
    public MotionIrregularity(double weight, int maxGap) {
        super(NAME, weight, CONSECUTIVE, 3 * checkGap(maxGap));
        this.maxGap = maxGap;
    }

    private static int checkGap(int maxGap) {
        if (maxGap < 1) {
            throw new IllegalArgumentException("maxGap must be at least 1, got " + maxGap);
        }
        return maxGap;
    }

    /** The offsets of an intermittent sequence with these six gaps (g0, g1, g2 before the middle, g3, g4, g5 after). */
    public static FrameSelection intermittent(int[] gaps) {
        if (gaps.length != 6) {
            throw new IllegalArgumentException("an intermittent sequence needs 6 gaps, got " + gaps.length);
        }
        return new FrameSelection(new int[] {-(gaps[0] + gaps[1] + gaps[2]), -(gaps[1] + gaps[2]), -gaps[2], 0,
                gaps[3], gaps[3] + gaps[4], gaps[3] + gaps[4] + gaps[5]});
    }

    /** The largest gap between the frames of an intermittent sequence. */
    public int maxGap() {
        return maxGap;
    }

    @Override
    public TaskSample sample(TrainingObject object, FrameSelection sharedInput, RandomGenerator random) {
        if (random.nextBoolean()) {
            int[] gaps = new int[6];
            for (int i = 0; i < 6; i++) {
                gaps[i] = 1 + random.nextInt(maxGap);
            }
            return labelled(intermittent(gaps), true);
        }
        return labelled(random.nextBoolean() ? CONSECUTIVE.reversed() : CONSECUTIVE, false);
    }

    /** {@code maxGap}. */
    @Override
    public Map<String, String> options() {
        return Map.of(MAX_GAP, Integer.toString(maxGap));
    }

    @Override
    public String toString() {
        return NAME + "(weight " + weight() + ", gaps 1.." + maxGap + ")";
    }

    /** Re-creates the task from its saved weight and {@code maxGap} (3 when absent). */
    public static final class Provider extends ProxyTaskProvider {

        /** Called by {@link java.util.ServiceLoader}. */
        public Provider() {
            super(NAME, settings -> new MotionIrregularity(settings.weight(),
                    settings.intOption(MAX_GAP, DEFAULT_MAX_GAP)));
        }
    }
}
