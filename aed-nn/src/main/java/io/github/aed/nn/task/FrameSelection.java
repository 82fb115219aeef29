package io.github.aed.nn.task;

import java.util.Arrays;

/**
 * Which frames of an object cube a network input is made of, in input order: offsets relative to the cube's middle
 * frame (the detection's frame is offset 0). {@code [-3, -2, -1, 1, 2, 3]} is the reference's 6-frame input, the same
 * offsets in descending order its reversed ("backward") version.
 */
public record FrameSelection(int[] offsets) {

    /** Validates and copies the offsets. */
    public FrameSelection {
        if (offsets == null || offsets.length == 0) {
            throw new IllegalArgumentException("a frame selection needs at least one offset");
        }
        offsets = offsets.clone();
    }

    /** Offsets −radius … +radius in order, without offset 0 when {@code withoutMiddle}. */
    public static FrameSelection consecutive(int radius, boolean withoutMiddle) {
        if (radius < 0) {
            throw new IllegalArgumentException("radius must be >= 0, got " + radius);
        }
        int[] o = new int[2 * radius + 1 - (withoutMiddle ? 1 : 0)];
        int n = 0;
        for (int d = -radius; d <= radius; d++) {
            if (d != 0 || !withoutMiddle) {
                o[n++] = d;
            }
        }
        return new FrameSelection(o);
    }

    /** The offsets (a copy). */
    @Override
    public int[] offsets() {
        return offsets.clone();
    }

    /** Number of frames: the input's depth. */
    public int length() {
        return offsets.length;
    }

    /** The offset of the i-th input frame. */
    public int offset(int i) {
        return offsets[i];
    }

    /** The same frames in reverse order. */
    public FrameSelection reversed() {
        int[] r = new int[offsets.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = offsets[offsets.length - 1 - i];
        }
        return new FrameSelection(r);
    }

    /** The largest |offset|: the cube radius k this selection needs. */
    public int radius() {
        int r = 0;
        for (int o : offsets) {
            r = Math.max(r, Math.abs(o));
        }
        return r;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FrameSelection f && Arrays.equals(offsets, f.offsets);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(offsets);
    }

    @Override
    public String toString() {
        return "FrameSelection" + Arrays.toString(offsets);
    }
}
