package io.github.aed.nn.attribute;

import java.util.Map;

/** The {@code radius} option that {@link Velocity} and {@link Direction} share: frames on either side whose flow they use. */
final class FlowWindow {

    static final String RADIUS_OPTION = "radius";

    private FlowWindow() {
    }

    /** {@code radius} if it is in [0, {@link ObjectViews#MAX_RADIUS}], else an exception naming the attribute. */
    static int checkRadius(String attribute, int radius) {
        if (radius < 0 || radius > ObjectViews.MAX_RADIUS) {
            throw new IllegalArgumentException(attribute + ": radius must be in [0, " + ObjectViews.MAX_RADIUS + "], got " + radius);
        }
        return radius;
    }

    /** The saved radius; 0 (the object's frame alone) for a model file written before the option existed. */
    static int radiusOption(String attribute, Map<String, String> options) {
        return options.containsKey(RADIUS_OPTION) ? AttributeProvider.intOption(attribute, options, RADIUS_OPTION) : 0;
    }

    /** "the object's frame" or "the flow of 5 frames in the box (2 on either side)". */
    static String describe(int radius) {
        return radius == 0 ? "the object's frame" : "the flow of " + (2 * radius + 1) + " frames in the box (" + radius + " on either side)";
    }
}
