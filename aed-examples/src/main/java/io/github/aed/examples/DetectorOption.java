package io.github.aed.examples;

import io.github.aed.detect.DetectorSpec;
import io.github.aed.detect.ObjectDetector;
import io.github.aed.examples.cli.UsageErrors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --detector SPEC}: the object detector of the commands that detect, train and score. */
final class DetectorOption {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = "--detector", paramLabel = "SPEC", defaultValue = "default",
            description = {"the object detector: " + DetectorSpec.FORMS + " (see docs/detect.md)",
                    "Default: ${DEFAULT-VALUE}, which is " + DetectorSpec.DEFAULT
                            + ". Score with the detector the model was trained with."})
    private String spec;

    /** The detector the spec names; a spec that cannot be parsed is a usage error naming --detector. */
    ObjectDetector create() {
        return UsageErrors.withOption(command, "--detector", () -> DetectorSpec.parse(spec));
    }
}
