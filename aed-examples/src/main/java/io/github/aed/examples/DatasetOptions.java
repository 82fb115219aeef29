package io.github.aed.examples;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --dataset LAYOUT --root PATH}: a dataset's clips in its usual layout ({@link DatasetLayout}). Both are needed;
 * commands take them as an argument group.
 */
final class DatasetOptions {

    @Option(names = "--dataset", required = true, paramLabel = "LAYOUT", description = "the dataset's layout: ucsd "
            + "(ROOT/Train/*, ROOT/Test/*), avenue (ROOT/training_videos/*.avi, ROOT/testing_videos/*), shanghaitech "
            + "(ROOT/training/videos/*.avi, ROOT/testing/frames/*) or folder (ROOT/train/*, ROOT/test/*: videos or frame folders)")
    private DatasetLayout layout;

    @Option(names = "--root", required = true, paramLabel = "PATH", description = "the dataset's root folder")
    private Path root;

    DatasetLayout layout() {
        return layout;
    }

    Path root() {
        return root;
    }
}
