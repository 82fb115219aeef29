package io.github.aed.detect;

import io.github.aed.detect.csv.CsvDetector;
import io.github.aed.detect.motion.MotionDetector;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Builds a detector from a short text, as the command line and configuration files spell it:
 * <ul>
 *   <li>{@code motion}: {@link MotionDetector} with its defaults;</li>
 *   <li>{@code csv:FILE_OR_FOLDER}: {@link CsvDetector} (one file, or a folder of {@code <video>.csv});</li>
 * </ul>
 */
public final class DetectorSpec {

    /** The forms accepted by {@link #parse}, for usage messages. */
    public static final String FORMS = "motion | csv:FILE_OR_DIR";

    private DetectorSpec() {
    }

    /**
     * The detector a spec names, with default settings.
     *
     * @throws IllegalArgumentException for an unknown or malformed spec
     */
    public static ObjectDetector parse(String spec) {
        int colon = spec.indexOf(':');
        String kind = (colon < 0 ? spec : spec.substring(0, colon)).toLowerCase(Locale.ROOT);
        String arg = colon < 0 ? "" : spec.substring(colon + 1);
        return switch (kind) {
            case "motion" -> {
                noArgument(spec, arg);
                yield MotionDetector.builder().build();
            }
            case "csv" -> CsvDetector.at(Path.of(required(spec, arg, "a CSV file or folder")));
            default -> throw new IllegalArgumentException("unknown detector '" + spec + "'; expected " + FORMS);
        };
    }

    private static void noArgument(String spec, String arg) {
        if (!arg.isEmpty()) {
            throw new IllegalArgumentException("detector '" + spec + "' takes no argument");
        }
    }

    private static String required(String spec, String arg, String what) {
        if (arg.isBlank()) {
            throw new IllegalArgumentException("detector '" + spec + "' needs " + what + " after the colon");
        }
        return arg;
    }
}
