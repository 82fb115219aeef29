package io.github.aed.examples;

import io.github.aed.examples.cli.Command;
import io.github.aed.examples.cli.Options;
import io.github.aed.examples.cli.UsageException;
import java.util.Arrays;

/** {@code ./aed bench}: throughput, memory and accuracy benchmarks of the pipeline's stages. */
final class BenchCommand implements Command {

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "benchmarks: 'bench cubes' (cube extraction), 'bench detect' (motion detector on UCSD Ped2), "
                + "'bench nn' (the 3D CNN)";
    }

    @Override
    public String usage() {
        return CubeBench.USAGE + "\n" + DetectBench.USAGE + "\n" + NetworkBench.USAGE;
    }

    @Override
    public int run(String[] args) {
        if (args.length == 0) {
            throw new UsageException("say what to benchmark: 'cubes', 'detect' or 'nn'");
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        String what = name() + " " + args[0];
        switch (args[0]) {
            case "cubes" -> CubeBench.run(Options.parse(what, rest, CubeBench.VALUED, CubeBench.FLAGS));
            case "detect" -> DetectBench.run(Options.parse(what, rest, DetectBench.VALUED, DetectBench.FLAGS));
            case "nn" -> NetworkBench.run(Options.parse(what, rest, NetworkBench.VALUED, NetworkBench.FLAGS));
            default -> throw new UsageException("unknown benchmark '" + args[0] + "': say 'cubes', 'detect' or 'nn'");
        }
        return 0;
    }
}
