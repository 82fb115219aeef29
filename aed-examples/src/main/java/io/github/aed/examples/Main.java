package io.github.aed.examples;

import io.github.aed.core.InvalidInputException;
import io.github.aed.examples.cli.LogLevels;
import io.github.aed.examples.cli.LoggingOptions;
import io.github.aed.metrics.GroundTruthFormat;
import io.github.aed.nn.network.BackboneVariant;
import java.io.PrintWriter;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Entry point of the {@code ./aed} launcher. Exit codes: 0 success (and help), 1 bad input files or a failed run, 2 a
 * command line that cannot be parsed.
 */
@Command(name = "aed", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true, versionProvider = AedVersion.class,
        usageHelpAutoWidth = true, sortOptions = false, sortSynopsis = false, synopsisSubcommandLabel = "COMMAND",
        descriptionHeading = "%n", optionListHeading = "%nOptions:%n",
        header = "anomalous event detection in video (SSMTL, object-centric)",
        description = "./aed help COMMAND or ./aed COMMAND --help shows a command's options.",
        commandListHeading = "%nCommands:%n",
        // spark-score lives in aed-spark, which nothing depends on: the launcher runs it in a JVM with Spark's class path
        footerHeading = "%n", footer = "./aed spark-score scores video archives on Apache Spark (the aed-spark module, run by the "
                + "./aed launcher in a JVM of its own): ./aed spark-score --help",
        subcommands = {InfoCommand.class, BenchCommand.class, DemoCommand.class, DetectCommand.class, TrainCommand.class,
                ScoreCommand.class, EvaluateCommand.class, LiveCommand.class, CustomTaskExample.class, HelpCommand.class})
public final class Main implements Runnable {

    @Spec
    private CommandSpec spec;

    @Mixin
    private LoggingOptions logging;

    /** Runs {@code ./aed} with these arguments and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs {@code ./aed} with these arguments; returns the exit code. */
    static int execute(String... args) {
        LogLevels.apply(LoggingOptions.requested(args));
        return commandLine().execute(args);
    }

    /** The parser of every command, with {@code ./aed}'s value converters and error reporting. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setOverwrittenOptionsAllowed(true);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.registerConverter(GroundTruthFormat.class, converter(GroundTruthFormat::of));
        cli.registerConverter(BackboneVariant.class, converter(BackboneVariant::parse));
        cli.setParameterExceptionHandler(Main::usageError);
        cli.setExecutionExceptionHandler((e, command, parsed) -> failure(e, command));
        cli.setExecutionStrategy(Main::checkedThenRun);
        return cli;
    }

    /** Without a command: the list of commands. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A converter from a library's parser, whose {@link IllegalArgumentException} message becomes picocli's. */
    static <T> ITypeConverter<T> converter(Function<String, T> parser) {
        return value -> {
            try {
                return parser.apply(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        };
    }

    private static int checkedThenRun(ParseResult parsed) {
        ((Main) parsed.commandSpec().userObject()).logging.verbosity();
        return new CommandLine.RunLast().execute(parsed);
    }

    /** The message, the closest option or command names, and where to look for the right ones. */
    private static int usageError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(command.getCommandSpec().qualifiedName() + ": " + e.getMessage());
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("See './" + command.getCommandSpec().qualifiedName() + " --help' for the options.");
        err.flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** Bad input (a file, a value the library rejects) in one line; anything else with its stack trace. */
    private static int failure(Exception e, CommandLine command) {
        PrintWriter err = command.getErr();
        String name = command.getCommandSpec().qualifiedName();
        if (e instanceof InvalidInputException || e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
            err.println(name + ": " + e.getMessage());
        } else {
            err.println(name + " failed: " + e);
            e.printStackTrace(err);
        }
        err.flush();
        return command.getCommandSpec().exitCodeOnExecutionException();
    }
}
