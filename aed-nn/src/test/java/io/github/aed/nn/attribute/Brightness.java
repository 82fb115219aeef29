package io.github.aed.nn.attribute;

import io.github.aed.core.geometry.Box;
import java.util.Map;

/** A user's own attribute, as a test of the seam: the mean grey level inside the box, optionally squared. */
public final class Brightness implements ObjectAttribute {

    static final String NAME = "brightness";
    private final boolean squared;

    Brightness(boolean squared) {
        this.squared = squared;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int dimension() {
        return 1;
    }

    @Override
    public float[] features(ObjectView object) {
        Box b = object.detection().box();
        double sum = 0;
        for (int y = b.yMin(); y < b.yMax(); y++) {
            for (int x = b.xMin(); x < b.xMax(); x++) {
                sum += object.frame().pixel(x, y, 0);
            }
        }
        double mean = sum / b.area();
        return new float[] {(float) (squared ? mean * mean : mean)};
    }

    @Override
    public Map<String, String> options() {
        return Map.of("squared", Boolean.toString(squared));
    }

    /** Its provider, listed in the test resources' META-INF/services. */
    public static final class Provider extends AttributeProvider {
        public Provider() {
            super(NAME, options -> new Brightness(Boolean.parseBoolean(options.get("squared"))));
        }
    }
}
