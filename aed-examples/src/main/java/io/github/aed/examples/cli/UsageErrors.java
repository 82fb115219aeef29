package io.github.aed.examples.cli;

import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Usage errors that picocli's declarations cannot express: combinations of options, and values that the library's
 * builders reject. Each becomes a {@link ParameterException} of the command, which {@code ./aed} reports with exit
 * code 2 and a pointer to the command's help.
 */
public final class UsageErrors {

    private UsageErrors() {
    }

    /** A usage error of {@code command} with this message. */
    public static ParameterException of(CommandSpec command, String message) {
        return new ParameterException(command.commandLine(), message);
    }

    /**
     * Computes something from an option's value; an {@link IllegalArgumentException} (a library builder rejecting the
     * value) becomes a usage error that names the option.
     */
    public static <T> T withOption(CommandSpec command, String option, Supplier<T> fromValue) {
        try {
            return fromValue.get();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), option + ": " + e.getMessage(), e);
        }
    }
}
