package io.github.aed.core;

/**
 * Input data the library cannot use: a missing or undecodable video, an empty folder, frames of mixed sizes, a box
 * outside its frame, a video too short for the requested cube length. The message names the file, frame or field
 * and says what was expected.
 */
public class InvalidInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
