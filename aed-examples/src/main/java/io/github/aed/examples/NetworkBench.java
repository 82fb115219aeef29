package io.github.aed.examples;

import io.github.aed.examples.cli.Options;
import io.github.aed.examples.cli.UsageException;
import io.github.aed.nn.bench.NetworkBenchmark;
import io.github.aed.nn.network.BackboneVariant;
import java.util.List;
import java.util.Set;

/** {@code ./aed bench nn}: forward and training throughput of the network variants. */
final class NetworkBench {

    static final Set<String> VALUED = Set.of("variant", "sizes", "batches", "train-batch", "warmup", "repeats", "peak-gflops");
    static final Set<String> FLAGS = Set.of();
    static final String USAGE = """
            usage: ./aed bench nn [--variant all|shallow-narrow|shallow-wide|deep-narrow|deep-wide]... [--sizes 64,32]
                                  [--batches 1,8,64] [--train-batch 64] [--warmup 1] [--repeats 3] [--peak-gflops 220]

            nn      the multi-task 3D CNN with the four built-in tasks (1080-output teacher, colour crops): per
                    variant and cube size, parameters, GFLOP per object (test) and per training sample, forward
                    objects/s per batch size, training samples/s, the share of the fp32 peak, and resident memory.
                    Run one variant per process for its own peak memory. Threads: OMP_NUM_THREADS (default: all cores).
            """;

    private NetworkBench() {
    }

    static void run(Options o) {
        new NetworkBenchmark(networkOptions(o), System.out).run();
    }

    private static NetworkBenchmark.Options networkOptions(Options o) {
        List<String> names = o.all("variant");
        List<BackboneVariant> variants = names.isEmpty() || names.contains("all") ? List.of(BackboneVariant.values())
                : names.stream().map(BackboneVariant::parse).toList();
        return new NetworkBenchmark.Options(variants, ints(o, "sizes", "64,32"), ints(o, "batches", "1,8,64"),
                o.intValue("train-batch", 64), o.intValue("warmup", 1), o.intValue("repeats", 3), o.doubleValue("peak-gflops", 220));
    }

    private static List<Integer> ints(Options o, String name, String defaults) {
        try {
            return java.util.Arrays.stream(o.get(name).orElse(defaults).split(",")).map(String::trim).map(Integer::parseInt).toList();
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " expects comma-separated numbers, got '" + o.get(name).orElse("") + "'");
        }
    }

}
