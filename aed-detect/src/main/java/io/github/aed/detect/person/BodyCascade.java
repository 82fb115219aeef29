package io.github.aed.detect.person;

/** The Haar body cascades that ship inside the OpenCV jar (no download needed). */
public enum BodyCascade {
    /** {@code haarcascade_fullbody.xml}: whole standing people, smallest window 14x28. */
    FULL_BODY("haarcascade_fullbody.xml"),
    /** {@code haarcascade_upperbody.xml}: head and shoulders, smallest window 22x18. */
    UPPER_BODY("haarcascade_upperbody.xml");

    private final String file;

    BodyCascade(String file) {
        this.file = file;
    }

    /** The file name inside the jar's {@code share/opencv4/haarcascades/} folder. */
    public String fileName() {
        return file;
    }
}
