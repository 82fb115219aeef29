package io.github.aed.nn.attribute;

import io.github.aed.core.geometry.Box;
import java.util.Map;

/**
 * Which way an object moves, whatever its speed: the box's summed optical-flow vector divided by its summed flow
 * magnitude, {@code (Σ dx, Σ −dy) / Σ |flow|} over the box's pixels (x to the right, y up the screen). The vector lies
 * in the unit disc: its angle is the object's heading, its length how coherently the box moves (1 when every pixel
 * moves the same way; near 0 for no net motion, as of a person standing, or motion every way). (0, 0) for a box without
 * any flow. Dimensionless. Scored by density over normal objects, it flags heading where normal objects do not, such as
 * walking across a walkway whose walkers go along it, or zig-zagging; {@link Velocity} says how fast. The sums run
 * over the object's frame and {@code radius} frames on either side in the same box (default
 * {@value #DEFAULT_RADIUS}, as {@link Velocity}), so the length also says how steadily the object kept its heading
 * over those frames. The built-in attribute {@value #NAME}, option {@code radius}.
 */
public final class Direction implements ObjectAttribute {

    /** The attribute's name. */
    public static final String NAME = "direction";
    /** Frames on either side of the object's frame whose flow {@link #Direction()} sums. */
    public static final int DEFAULT_RADIUS = Velocity.DEFAULT_RADIUS;

    private final int radius;

    /** Heading and coherence over {@value #DEFAULT_RADIUS} frames on either side. */
    public Direction() {
        this(DEFAULT_RADIUS);
    }

    /**
     * @param radius frames on either side of the object's frame whose flow in the box is summed, 0 to
     *               {@link ObjectViews#MAX_RADIUS}; 0 = the object's frame alone
     * @throws IllegalArgumentException if {@code radius} is out of range
     */
    public Direction(int radius) {
        this.radius = FlowWindow.checkRadius(NAME, radius);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int flowRadius() {
        return radius;
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public float[] features(ObjectView object) {
        Box b = object.detection().box();
        double sumX = 0;
        double sumUp = 0;
        double sumMagnitude = 0;
        for (FlowField flow : object.flows(radius)) {
            for (int y = b.yMin(); y < b.yMax(); y++) {
                for (int x = b.xMin(); x < b.xMax(); x++) {
                    double dx = flow.dx(x, y);
                    double up = -flow.dy(x, y);
                    sumX += dx;
                    sumUp += up;
                    sumMagnitude += Math.sqrt(dx * dx + up * up);
                }
            }
        }
        if (sumMagnitude == 0) {
            return new float[2];
        }
        return new float[] {(float) (sumX / sumMagnitude), (float) (sumUp / sumMagnitude)};
    }

    @Override
    public Map<String, String> options() {
        return Map.of(FlowWindow.RADIUS_OPTION, Integer.toString(radius));
    }

    @Override
    public String toString() {
        return NAME + " (mean DIS flow vector / mean flow magnitude over " + FlowWindow.describe(radius)
                + ": heading and coherence, in the unit disc)";
    }

    /** Makes the attribute again for model files; a file without the {@code radius} option (written before it existed)
     * has the object's frame alone. */
    public static final class Provider extends AttributeProvider {
        public Provider() {
            super(NAME, options -> new Direction(FlowWindow.radiusOption(NAME, options)));
        }
    }
}
