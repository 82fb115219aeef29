package io.github.aed.core.cube;

import io.github.aed.core.detection.Detection;
import java.util.Objects;

/**
 * The object-centric temporal sequence of one detection: its box cropped from frames i−k … i+k, each crop resized to
 * size×size and scaled to [0, 1].
 *
 * <p>Layout: channel-first, {@code [channels][depth][size][size]}, i.e. one item of an NCDHW batch; depth index
 * {@code k} is the detection's own frame. Channels are grey or BGR as {@link CubeSettings#colourMode()} says.
 * Immutable: {@link #data()} returns a copy.
 */
public final class ObjectCube {

    private final String source;
    private final Detection detection;
    private final CubeSettings settings;
    private final int[] frameIndices;
    private final float[] data;

    ObjectCube(String source, Detection detection, CubeSettings settings, int[] frameIndices, float[] data) {
        this.source = Objects.requireNonNull(source);
        this.detection = Objects.requireNonNull(detection);
        this.settings = Objects.requireNonNull(settings);
        if (frameIndices.length != settings.depth() || data.length != settings.cubeLength()) {
            throw new IllegalArgumentException("cube arrays do not match " + settings);
        }
        this.frameIndices = frameIndices;
        this.data = data;
    }

    /** Name of the video the cube was cut from. */
    public String source() {
        return source;
    }

    /** The detection the cube belongs to (its frame is the cube's middle frame). */
    public Detection detection() {
        return detection;
    }

    public CubeSettings settings() {
        return settings;
    }

    /**
     * The 0-based source frame index of each depth slice. Consecutive, except with {@link EdgePolicy#CLAMP} near the
     * start or end of the video, where the edge frame repeats.
     */
    public int[] frameIndices() {
        return frameIndices.clone();
    }

    /** The value in [0, 1] at channel c, depth d, row y, column x. */
    public float value(int c, int d, int y, int x) {
        int s = settings.size();
        if (c < 0 || c >= settings.channels() || d < 0 || d >= settings.depth() || y < 0 || y >= s || x < 0 || x >= s) {
            throw new IndexOutOfBoundsException("no cube value at c=" + c + " d=" + d + " y=" + y + " x=" + x + " in " + settings);
        }
        return data[((c * settings.depth() + d) * s + y) * s + x];
    }

    /** A copy of the values, layout {@code [channels][depth][size][size]}. */
    public float[] data() {
        return data.clone();
    }

    /** Copies the values into {@code dst} starting at {@code offset}, e.g. into an NCDHW batch. */
    public void copyTo(float[] dst, int offset) {
        System.arraycopy(data, 0, dst, offset, data.length);
    }

    @Override
    public String toString() {
        return "ObjectCube[" + source + ", " + detection + ", " + settings + "]";
    }
}
