package io.github.aed.nn.attribute;

import io.github.aed.core.geometry.Box;
import java.util.Map;

/**
 * How large and how shaped an object is for where it stands: the box's foot point (centre of its bottom edge) as a
 * fraction of the frame's width and height, and the natural logarithms of its width and height in pixels. Scored by
 * density over normal objects, it flags a box much larger, smaller, wider or taller than normal objects at that place
 * (the camera's perspective makes size depend on position), and objects where normal ones never are.
 *
 * <p>A box that touches the frame's edge (its half-open box reaches column 0 or row 0, or the frame's width or height)
 * shows only the part of its object inside the frame: a walker entering the view is a sliver a few pixels wide.
 * {@code new SizeAtPosition(false)} does not describe such boxes ({@link #describes}): they score 0 and stay out of
 * the bank and its calibration. The default describes them: leaving them out also tightens the calibration (the
 * slivers were the held-out objects' far tail), which raised the size scores of large normal boxes, and on the
 * generated scene families cost more than the slivers' false alarms did (docs/attributes.md). The built-in attribute
 * {@value #NAME}, option {@code edges}.
 */
public final class SizeAtPosition implements ObjectAttribute {

    /** The attribute's name. */
    public static final String NAME = "size";
    private static final String EDGES_OPTION = "edges";

    private final boolean edges;

    /** Every box is described, those touching the frame's edge too. */
    public SizeAtPosition() {
        this(true);
    }

    /** @param edges whether boxes touching the frame's edge are described too */
    public SizeAtPosition(boolean edges) {
        this.edges = edges;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int dimension() {
        return 4;
    }

    @Override
    public float[] features(ObjectView object) {
        Box b = object.detection().box();
        return new float[] {FootPoint.x(object), FootPoint.y(object), (float) Math.log(b.width()), (float) Math.log(b.height())};
    }

    /** False for a box touching the frame's edge, unless edge boxes are described ({@code edges}). */
    @Override
    public boolean describes(ObjectView object) {
        Box b = object.detection().box();
        return edges || (b.xMin() > 0 && b.yMin() > 0 && b.xMax() < object.frame().width()
                && b.yMax() < object.frame().height());
    }

    /** Whether boxes touching the frame's edge are described too. */
    public boolean edges() {
        return edges;
    }

    @Override
    public Map<String, String> options() {
        return Map.of(EDGES_OPTION, Boolean.toString(edges));
    }

    @Override
    public String toString() {
        return NAME + " (foot point x/W, y/H, ln width, ln height" + (edges ? "" : "; boxes at the frame's edge left out")
                + ")";
    }

    /** Makes the attribute again for model files; a file without the {@code edges} option (written before the option
     * existed) describes edge boxes. */
    public static final class Provider extends AttributeProvider {
        public Provider() {
            super(NAME, options -> new SizeAtPosition(!options.containsKey(EDGES_OPTION)
                    || AttributeProvider.booleanOption(NAME, options, EDGES_OPTION)));
        }
    }
}
