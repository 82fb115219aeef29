package io.github.aed.nn.attribute;

import java.util.Map;

/**
 * What an object looks like to the object detector: its per-class score vector (e.g. COCO's 80 classes from NanoDet),
 * or zeros for a box of a class-less detector (the motion detector's supplement of the default detector), so such
 * boxes form their own group of normal objects. Scored by density, it flags classes or class mixtures that normal
 * objects do not have (a bicycle, a cart among walkers). The built-in attribute {@value #NAME}; option
 * {@code classes}: the detector's class count.
 */
public final class ClassEvidence implements ObjectAttribute {

    /** The attribute's name. */
    public static final String NAME = "class";

    private final int classes;

    /** @param classes the length of the detector's class score vectors (at least 1) */
    public ClassEvidence(int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("class evidence needs a detector with classes, got " + classes + " classes");
        }
        this.classes = classes;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int dimension() {
        return classes;
    }

    @Override
    public float[] features(ObjectView object) {
        float[] scores = object.detection().classScores();
        if (scores == null) {
            return new float[classes];
        }
        if (scores.length != classes) {
            throw new IllegalArgumentException("frame " + object.detection().frameIndex() + ": detection has " + scores.length
                    + " class scores, the attribute was made for " + classes + " classes");
        }
        return scores;
    }

    @Override
    public Map<String, String> options() {
        return Map.of("classes", Integer.toString(classes));
    }

    @Override
    public String toString() {
        return NAME + " (detector's " + classes + " class scores)";
    }

    /** Makes the attribute again for model files. */
    public static final class Provider extends AttributeProvider {
        public Provider() {
            super(NAME, options -> new ClassEvidence(AttributeProvider.intOption(NAME, options, "classes")));
        }
    }
}
