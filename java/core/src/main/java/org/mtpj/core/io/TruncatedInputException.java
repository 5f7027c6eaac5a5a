package org.mtpj.core.io;

/**
 * The input ends where more was expected: the one fault a trajectory reader may forgive in its
 * last frame (a run killed while writing), unlike a wrong value, which is an error in any frame.
 */
public class TruncatedInputException extends InputFormatException {
    public TruncatedInputException(String file, long line, String what) {
        super(file, line, what);
    }
}
