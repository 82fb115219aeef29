package io.github.aed.examples.cli;

/**
 * One sub-command of the {@code ./aed} launcher. Implementations parse their own options with {@link Options} and
 * print results to standard output; errors are thrown as exceptions with a message for the user.
 */
public interface Command {

    /** The word after {@code ./aed}, e.g. "evaluate". */
    String name();

    /** One line for {@code ./aed help}. */
    String summary();

    /** The full usage text, printed by {@code ./aed help NAME} and after a usage error. */
    String usage();

    /**
     * Runs the command.
     *
     * @param args the arguments after the command's name
     * @return the process exit code (0 on success)
     * @throws UsageException on bad options; the launcher prints the message and the usage text
     */
    int run(String[] args) throws Exception;
}
