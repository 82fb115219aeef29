package io.github.aed.nn.train;

/**
 * One object's training sample for every task, ready to be batched: the input frames of each training path as bytes
 * (cube values × 255, exact because cubes are 8-bit values / 255), each task's target and whether it applies. Kept as
 * bytes so that a shuffle buffer of samples stays small (about 0.3 MB per sample at 64×64 colour).
 *
 * @param inputs  per training path, layout {@code [channels][frames][size][size]}
 * @param targets per task, its target values
 * @param applies per task, whether the sample counts in its loss
 */
public record PreparedSample(byte[][] inputs, float[][] targets, boolean[] applies) {
}
