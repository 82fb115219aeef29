package io.github.aed.nn.task;

import io.github.aed.core.detection.Detection;
import java.util.Objects;

/**
 * One detected object as training material: its object cube (the same box in frames i−k … i+k, resized and scaled to
 * [0, 1]) and, when a teacher is configured, the teacher's outputs for it.
 *
 * <p>The cube is one NCDHW item, layout {@code [channels][depth][size][size]}, depth {@code 2k + 1}, middle index k.
 * The arrays are not copied (the training pipeline hands over ownership); tasks must not modify them.
 *
 * @param cube           the cube's values
 * @param channels       1 (grey) or 3 (BGR)
 * @param radius         k, frames on each side of the middle
 * @param size           side of each crop in pixels
 * @param detection      the detection the cube was cut for
 * @param teacherOutputs the teacher's outputs for this object, or {@code null} without a teacher
 */
public record TrainingObject(float[] cube, int channels, int radius, int size, Detection detection, float[] teacherOutputs) {

    /** Checks the cube's length. */
    public TrainingObject {
        Objects.requireNonNull(cube, "cube");
        Objects.requireNonNull(detection, "detection");
        if (cube.length != (long) channels * (2 * radius + 1) * size * size) {
            throw new IllegalArgumentException("cube of " + cube.length + " values does not match " + channels + " channels, k="
                    + radius + ", " + size + "x" + size);
        }
    }

    /** Frames in the cube: 2k + 1. */
    public int depth() {
        return 2 * radius + 1;
    }

    /** Values of one crop: channels × size × size. */
    public int frameLength() {
        return channels * size * size;
    }

    /** The crop at this offset from the middle, layout {@code [channels][size][size]} (a new array). */
    public float[] frame(int offset) {
        float[] out = new float[frameLength()];
        copyFrame(offset, out, 0);
        return out;
    }

    /** Copies the crop at this offset from the middle into {@code dst}, layout {@code [channels][size][size]}. */
    public void copyFrame(int offset, float[] dst, int dstOffset) {
        if (Math.abs(offset) > radius) {
            throw new IllegalArgumentException("offset " + offset + " is outside a cube of radius k=" + radius);
        }
        int plane = size * size;
        int d = radius + offset;
        for (int c = 0; c < channels; c++) {
            System.arraycopy(cube, (c * depth() + d) * plane, dst, dstOffset + c * plane, plane);
        }
    }
}
