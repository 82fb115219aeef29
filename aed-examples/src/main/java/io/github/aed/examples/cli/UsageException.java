package io.github.aed.examples.cli;

/** A command line the command cannot run: unknown option, missing value, value of the wrong type. */
public final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
