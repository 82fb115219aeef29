package io.github.aed.nn.attribute;

/**
 * A dense optical flow field between two consecutive frames of a video as it is played: for every pixel, where it
 * moved, in pixels, from the earlier frame to the later one ({@code dx} to the right, {@code dy} downwards, image
 * coordinates), so the values are speeds in pixels per frame. (A pseudo-anomaly that plays a video three times faster
 * takes its flow from frames three apart: they are consecutive in the sped-up video.) Immutable.
 */
public final class FlowField {

    private final int width;
    private final int height;
    private final float[] flow;

    /**
     * @param width  columns
     * @param height rows
     * @param flow   {@code width * height * 2} values, row-major, {@code dx, dy} per pixel; copied
     */
    public FlowField(int width, int height, float[] flow) {
        this(flow.clone(), width, height);
    }

    /** A field that takes {@code flow} as it is (a fresh array its caller no longer touches), without a copy. */
    static FlowField adopt(int width, int height, float[] flow) {
        return new FlowField(flow, width, height);
    }

    /** Validates and keeps {@code flow} itself (the public constructor passes a copy). */
    private FlowField(float[] flow, int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("flow field needs a positive size, got " + width + "x" + height);
        }
        if (flow.length != width * height * 2) {
            throw new IllegalArgumentException("flow field of " + width + "x" + height + " needs " + width * height * 2
                    + " values, got " + flow.length);
        }
        this.width = width;
        this.height = height;
        this.flow = flow;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Horizontal displacement of pixel (x, y), pixels per frame. */
    public float dx(int x, int y) {
        return flow[(y * width + x) * 2];
    }

    /** Vertical displacement of pixel (x, y), pixels per frame. */
    public float dy(int x, int y) {
        return flow[(y * width + x) * 2 + 1];
    }
}
