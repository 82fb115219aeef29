package io.github.aed.examples;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --root DIR}: the UCSD Ped2 dataset of the benchmarks that need its ground truth. */
final class Ped2RootOption {

    @Option(names = "--root", required = true, paramLabel = "DIR", description = "UCSD Ped2's root folder (Train/, Test/ "
            + "with UCSDped2.m and the TestNNN_gt pixel masks), e.g. ../shared/data/ucsd-ped2")
    private Path root;

    Path root() {
        return root;
    }
}
