package io.github.aed.nn.attribute;

import java.util.Map;

/**
 * What an object looks like to the object detector: its per-class score vector (e.g. COCO's 80 classes from NanoDet),
 * or zeros for a box of a class-less detector (the motion detector's supplement of the default detector), so such
 * boxes form their own group of normal objects. Scored by density, it flags classes or class mixtures that normal
 * objects do not have (a bicycle, a cart among walkers). The built-in attribute {@value #NAME}; options
 * {@code classes}, the detector's class count, and {@code hellinger}.
 *
 * <p>Vectors are compared by the Hellinger distance (the default, {@code hellinger=true}): the features are the square
 * roots of the scores, not standardised, so the Euclidean distance between two objects is √2 times the Hellinger
 * distance between their score vectors. The square root stretches weak evidence (a bicycle score of 0.15 on a rider
 * against 0.01 on walkers) to the scale of the main class's variation, and leaves classes that no object shows at
 * zero. With {@code hellinger=false} (model files written before the option existed) the raw scores are standardised
 * per class, which magnifies a class normal objects almost never show into many standard deviations at a score of
 * 0.01, so that noise in rare classes outweighs the classes that matter.
 */
public final class ClassEvidence implements ObjectAttribute {

    /** The attribute's name. */
    public static final String NAME = "class";
    private static final String CLASSES_OPTION = "classes";
    private static final String HELLINGER_OPTION = "hellinger";

    private final int classes;
    private final boolean hellinger;

    /**
     * Class evidence compared by the Hellinger distance.
     *
     * @param classes the length of the detector's class score vectors (at least 1)
     */
    public ClassEvidence(int classes) {
        this(classes, true);
    }

    /**
     * @param classes   the length of the detector's class score vectors (at least 1)
     * @param hellinger true: square roots of the scores, not standardised (Hellinger distance); false: the raw scores,
     *                  standardised per class
     */
    public ClassEvidence(int classes, boolean hellinger) {
        if (classes < 1) {
            throw new IllegalArgumentException("class evidence needs a detector with classes, got " + classes + " classes");
        }
        this.classes = classes;
        this.hellinger = hellinger;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int dimension() {
        return classes;
    }

    /** Whether vectors are compared by the Hellinger distance. */
    public boolean hellinger() {
        return hellinger;
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
        if (hellinger) {
            for (int i = 0; i < classes; i++) {
                scores[i] = (float) Math.sqrt(Math.max(0f, scores[i]));
            }
        }
        return scores;
    }

    @Override
    public boolean standardised() {
        return !hellinger;
    }

    @Override
    public Map<String, String> options() {
        return Map.of(CLASSES_OPTION, Integer.toString(classes), HELLINGER_OPTION, Boolean.toString(hellinger));
    }

    @Override
    public String toString() {
        return NAME + " (detector's " + classes + " class scores, " + (hellinger ? "Hellinger distance" : "standardised") + ")";
    }

    /** Makes the attribute again for model files; a file without the {@code hellinger} option (written before the option
     * existed) compares standardised raw scores. */
    public static final class Provider extends AttributeProvider {
        public Provider() {
            super(NAME, options -> new ClassEvidence(AttributeProvider.intOption(NAME, options, CLASSES_OPTION),
                    options.containsKey(HELLINGER_OPTION) && AttributeProvider.booleanOption(NAME, options, HELLINGER_OPTION)));
        }
    }
}
