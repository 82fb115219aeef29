package io.github.aed.nn.network;

import io.github.aed.nn.task.FrameSelection;

/**
 * The layout of the network's inputs: NDHWC, {@code [n, frames, size, size, channels]}, values in [0, 1], while cubes
 * are stored NCDHW ({@code [channels][2k + 1][size][size]} per object, middle frame k). The encoder runs channels last
 * because oneDNN's 3D convolutions and pools are several times faster that way on the CPU.
 */
public final class EncoderInput {

    private EncoderInput() {
    }

    /**
     * For each value of the frames {@code sel} of one NCDHW cube, in NDHWC order, the index of that value in the cube.
     *
     * @param channels channels of the cube
     * @param radius   k: the cube has 2k + 1 frames and {@code sel}'s offsets are relative to frame k
     * @param size     side of the crops
     */
    public static int[] gatherIndex(int channels, int radius, int size, FrameSelection sel) {
        if (sel.radius() > radius) {
            throw new IllegalArgumentException(sel + " needs frames up to " + sel.radius() + " from the middle, the cube has " + radius);
        }
        int plane = size * size;
        int depth = 2 * radius + 1;
        int[] index = new int[sel.length() * plane * channels];
        int q = 0;
        for (int j = 0; j < sel.length(); j++) {
            int frame = radius + sel.offset(j);
            for (int p = 0; p < plane; p++) {
                for (int c = 0; c < channels; c++) {
                    index[q++] = (c * depth + frame) * plane + p;
                }
            }
        }
        return index;
    }

    /** The shape of a batch of n inputs of {@code frames} frames. */
    public static long[] shape(int n, int frames, int size, int channels) {
        return new long[] {n, frames, size, size, channels};
    }
}
