package io.github.aed.examples.cli;

import picocli.CommandLine.Option;

/** {@code --seed N}: the seed of a command's random choices, so that a run can be repeated exactly. */
public final class SeedOption {

    @Option(names = "--seed", paramLabel = "N", description = "seed of the random choices (default: ${DEFAULT-VALUE})")
    private long seed;

    /** The option with this default seed. */
    public SeedOption(long defaultSeed) {
        seed = defaultSeed;
    }

    /** The seed given, or the default. */
    public long seed() {
        return seed;
    }
}
