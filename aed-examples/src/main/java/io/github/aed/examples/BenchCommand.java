package io.github.aed.examples;

import io.github.aed.examples.cli.Command;
import io.github.aed.examples.cli.Options;
import io.github.aed.examples.cli.UsageException;
import java.io.IOException;
import java.util.Arrays;

/** {@code ./aed bench}: throughput, memory and accuracy benchmarks of the pipeline's stages. */
final class BenchCommand implements Command {

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "benchmarks: 'bench cubes' (cube extraction), 'bench detect' (detector recall on UCSD Ped2), "
                + "'bench coco' (COCO detector speed), "
                + "'bench nn' (the 3D CNN), 'bench ped2' (UCSD Ped2 end to end, against the paper)";
    }

    @Override
    public String usage() {
        return CubeBench.USAGE + "\n" + DetectBench.USAGE + "\n" + CocoBench.USAGE + "\n" + NetworkBench.USAGE + "\n" + Ped2Bench.USAGE;
    }

    @Override
    public int run(String[] args) throws IOException {
        if (args.length == 0) {
            throw new UsageException("say what to benchmark: 'cubes', 'detect', 'coco', 'nn' or 'ped2'");
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        String what = name() + " " + args[0];
        switch (args[0]) {
            case "cubes" -> CubeBench.run(Options.parse(what, rest, CubeBench.VALUED, CubeBench.FLAGS));
            case "detect" -> DetectBench.run(Options.parse(what, rest, DetectBench.VALUED, DetectBench.FLAGS));
            case "coco" -> CocoBench.run(Options.parse(what, rest, CocoBench.VALUED, CocoBench.FLAGS));
            case "nn" -> NetworkBench.run(Options.parse(what, rest, NetworkBench.VALUED, NetworkBench.FLAGS));
            case "ped2" -> Ped2Bench.run(Options.parse(what, rest, Ped2Bench.VALUED, Ped2Bench.FLAGS), commandLine(args));
            default -> throw new UsageException("unknown benchmark '" + args[0] + "': say 'cubes', 'detect', 'coco', 'nn' or 'ped2'");
        }
        return 0;
    }

    /** The command as typed at the repository root, arguments quoted where the shell would need it. */
    private String commandLine(String[] args) {
        StringBuilder sb = new StringBuilder("./aed ").append(name());
        for (String a : args) {
            sb.append(' ').append(a.matches("[A-Za-z0-9_./:=,+@%-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return sb.toString();
    }
}
