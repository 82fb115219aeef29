package io.github.aed.core.cube;

import io.github.aed.core.detection.Detection;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Object cubes of several detections in one NCDHW float array, ready to hand to a network without further copies.
 *
 * <p>Shape {@code [n, channels, depth, size, size]} ({@link #shape()}); item i occupies
 * {@code [i * cubeLength, (i + 1) * cubeLength)} of {@link #array()}. Values are in [0, 1].
 */
public final class CubeBatch {

    private final String source;
    private final CubeSettings settings;
    private final List<Detection> detections;
    private final int[][] frameIndices;
    private final float[] array;

    CubeBatch(String source, CubeSettings settings, List<Detection> detections, int[][] frameIndices, float[] array) {
        this.source = Objects.requireNonNull(source);
        this.settings = Objects.requireNonNull(settings);
        this.detections = List.copyOf(detections);
        this.frameIndices = frameIndices;
        this.array = array;
        if (array.length != (long) detections.size() * settings.cubeLength() || frameIndices.length != detections.size()) {
            throw new IllegalArgumentException("batch arrays do not match " + detections.size() + " cubes of " + settings);
        }
    }

    /** An empty batch. */
    static CubeBatch empty(String source, CubeSettings settings) {
        return new CubeBatch(source, settings, List.of(), new int[0][], new float[0]);
    }

    /**
     * One batch holding the cubes of several batches of the same video and settings, in order (copies each cube once).
     */
    public static CubeBatch concat(List<CubeBatch> batches) {
        if (batches.isEmpty()) {
            throw new IllegalArgumentException("nothing to concatenate");
        }
        CubeBatch first = batches.get(0);
        int n = 0;
        for (CubeBatch b : batches) {
            if (!b.settings.equals(first.settings) || !b.source.equals(first.source)) {
                throw new IllegalArgumentException("cannot concatenate cubes of " + b.source + " " + b.settings
                        + " with cubes of " + first.source + " " + first.settings);
            }
            n += b.size();
        }
        if (batches.size() == 1) {
            return first;
        }
        float[] array = new float[Math.multiplyExact(n, first.settings.cubeLength())];
        List<Detection> detections = new java.util.ArrayList<>(n);
        int[][] indices = new int[n][];
        int at = 0;
        for (CubeBatch b : batches) {
            System.arraycopy(b.array, 0, array, at * first.settings.cubeLength(), b.array.length);
            System.arraycopy(b.frameIndices, 0, indices, at, b.size());
            detections.addAll(b.detections);
            at += b.size();
        }
        return new CubeBatch(first.source, first.settings, detections, indices, array);
    }

    /** Name of the video the cubes were cut from. */
    public String source() {
        return source;
    }

    public CubeSettings settings() {
        return settings;
    }

    /** Number of cubes. */
    public int size() {
        return detections.size();
    }

    public boolean isEmpty() {
        return detections.isEmpty();
    }

    /** The detections, in batch order. */
    public List<Detection> detections() {
        return detections;
    }

    /** {@code [n, channels, depth, size, size]}. */
    public long[] shape() {
        return new long[] {size(), settings.channels(), settings.depth(), settings.size(), settings.size()};
    }

    /**
     * The batch's own storage, NCDHW. Not copied, so that it can be handed to a tensor library directly; callers must
     * not modify it.
     */
    public float[] array() {
        return array;
    }

    /** Cube i as its own object (a copy of its slice). */
    public ObjectCube cube(int i) {
        int len = settings.cubeLength();
        return new ObjectCube(source, detections.get(i), settings, frameIndices[i].clone(),
                Arrays.copyOfRange(array, i * len, (i + 1) * len));
    }

    /** All cubes as separate objects. */
    public List<ObjectCube> cubes() {
        ObjectCube[] out = new ObjectCube[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = cube(i);
        }
        return List.of(out);
    }

    @Override
    public String toString() {
        return "CubeBatch[" + source + ", " + size() + " cubes, " + settings + "]";
    }
}
