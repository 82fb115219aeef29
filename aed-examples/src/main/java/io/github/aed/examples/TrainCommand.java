package io.github.aed.examples;

import io.github.aed.core.video.Video;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./aed train}: trains the default detector on a dataset's normal training videos and writes a model file. */
@Command(name = "train", header = "train on a dataset's normal videos (object detector + multi-task 3D CNN) and write a model file",
        description = {"The object detector is primed on the training clips (the motion detector learns its background); "
                + "progress (samples/s, losses, ETA) is logged. The model file appears only when training has succeeded; "
                + "the best epoch so far is checkpointed to a hidden temporary file beside it."})
final class TrainCommand implements Callable<Integer> {

    @ArgGroup(exclusive = false, multiplicity = "1")
    private DatasetOptions dataset;

    @Option(names = "--model", required = true, paramLabel = "OUT.aed", description = "the model file to write")
    private Path model;

    @Mixin
    private DetectorOption detectorOption;

    @Mixin
    private TrainingOptions training;

    @Mixin
    private VideoInputOption videoInput;

    @Override
    public Integer call() {
        List<Video> videos = dataset.layout().trainingVideos(dataset.root(), videoInput.policy());
        try (CommandOutputs outputs = new CommandOutputs(List.of(dataset.root()))) {
            Path staged = outputs.file(model, "--model");
            training.train(detectorOption.create(), videos, dataset.root(), model, staged);
            outputs.commit();
        }
        return 0;
    }
}
