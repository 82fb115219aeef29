package io.github.aed.examples.cli;

import io.github.aed.examples.cli.LogLevels.Verbosity;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * The options {@code --verbose} and {@code --quiet}, accepted before or after any command name. slf4j-simple fixes a
 * logger's level when the logger is created, and building the command line already loads library classes, so
 * {@link #requested} reads these two options from the raw arguments before anything else happens.
 */
public final class LoggingOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "also show the INFO log lines of ND4J, DL4J and JavaCPP (hidden by default)")
    private boolean verbose;

    @Option(names = "--quiet", scope = ScopeType.INHERIT,
            description = "show warnings and errors only, hiding aed's progress lines too")
    private boolean quiet;

    /**
     * The verbosity these options ask for.
     *
     * @throws ParameterException if both are given
     */
    public Verbosity verbosity() {
        if (verbose && quiet) {
            throw new ParameterException(command.commandLine(), "--verbose and --quiet exclude each other; give one");
        }
        return verbose ? Verbosity.VERBOSE : quiet ? Verbosity.QUIET : Verbosity.NORMAL;
    }

    /**
     * The verbosity a whole command line asks for, wherever the options stand among the others (all of which are
     * ignored here). {@link Verbosity#NORMAL} if the options contradict each other: the full parse reports that.
     */
    public static Verbosity requested(String... args) {
        LoggingOnly parsed = new LoggingOnly();
        try {
            new CommandLine(parsed).parseArgs(args);
            return parsed.logging.verbosity();
        } catch (ParameterException contradictory) {
            return Verbosity.NORMAL;
        }
    }

    /** A command that knows the logging options only and collects every other argument. */
    @Command
    private static final class LoggingOnly {
        @Mixin
        private LoggingOptions logging;

        @Unmatched
        private List<String> others;
    }
}
