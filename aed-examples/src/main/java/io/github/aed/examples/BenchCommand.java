package io.github.aed.examples;

import io.github.aed.examples.cli.UsageErrors;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ./aed bench}: throughput, memory and accuracy benchmarks of the pipeline's stages, one sub-command each. */
@Command(name = "bench", header = "benchmarks: cubes (cube extraction), detect (detector recall on UCSD Ped2), scenes (detector "
        + "recall per object kind on generated scene families), coco (COCO detector speed), nn (the 3D CNN), ped2 (UCSD Ped2 "
        + "end to end, against the paper), stream (an hour-long stream, memory)",
        description = "./aed bench help BENCHMARK or ./aed bench BENCHMARK --help shows a benchmark's options.",
        synopsisSubcommandLabel = "BENCHMARK", commandListHeading = "%nBenchmarks:%n",
        subcommands = {CubeBench.class, DetectBench.class, SceneDetectBench.class, CocoBench.class, NetworkBench.class,
                Ped2Bench.class, StreamBench.class, HelpCommand.class})
final class BenchCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    /** Without a benchmark's name: a usage error listing them. */
    @Override
    public void run() {
        throw UsageErrors.of(spec, "say what to benchmark: " + spec.subcommands().entrySet().stream()
                .filter(benchmark -> !benchmark.getValue().getCommandSpec().helpCommand()).map(Map.Entry::getKey)
                .collect(Collectors.joining(", ")));
    }
}
