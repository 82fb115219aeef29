package io.github.aed.examples;

import io.github.aed.detect.spec.DetectorSpec;
import io.github.aed.detect.ObjectDetector;
import io.github.aed.examples.cli.UsageErrors;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --detector SPEC}: the object detector of the commands that detect, train and score. Detecting and training
 * default to {@link DetectorSpec#DEFAULT}; scoring defaults to the detector saved with the model.
 */
final class DetectorOption {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = "--detector", paramLabel = "SPEC",
            description = {"the object detector: " + DetectorSpec.FORMS + " (see docs/detect.md)",
                    "Default for detect and train: default, which is " + DetectorSpec.DEFAULT + "; for score and bench "
                            + "ped2 --model: the detector saved with the model, with what its priming learned."})
    private String spec;

    /** The detector the spec names, or {@link DetectorSpec#DEFAULT}; an unparsable spec is a usage error naming --detector. */
    ObjectDetector create() {
        return given().orElseGet(() -> DetectorSpec.parse(DetectorSpec.DEFAULT));
    }

    /** The detector {@code --detector} names, when it was given. */
    Optional<ObjectDetector> given() {
        return Optional.ofNullable(spec).map(s -> UsageErrors.withOption(command, "--detector", () -> DetectorSpec.parse(s)));
    }
}
