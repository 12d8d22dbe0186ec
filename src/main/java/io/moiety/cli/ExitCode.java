package io.moiety.cli;

/**
 * The exit statuses of every {@code moiety} command, one meaning each; docs/errors.md lists the
 * same table (a test keeps the two in step).
 */
public enum ExitCode {
    /** Everything asked for was done. */
    OK(0, "success"),
    /** The command stopped with one {@code error:} line: bad input file, configuration or option value, I/O, a tool. */
    ERROR(1, "error: the command stopped; the `error:` line says what is wrong and with which file"),
    /** The command line itself is wrong: unknown option or command, missing or malformed argument. */
    USAGE(2, "usage error: unknown option or command, missing or malformed argument (`--help` explains)"),
    /** The command ran to the end, but some units of work failed (bench cells, generated molecules a task needs). */
    PARTIAL(3, "finished with failures: some bench cells failed, or a molecule a task needs could not be generated; "
            + "the summary names them, rerunning retries them"),
    /** The Java heap was exhausted. */
    OUT_OF_MEMORY(4, "out of memory: give Java more heap (`java -Xmx8g -jar moiety.jar …`) or use smaller inputs");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /** The process exit status. */
    public int code() { return code; }

    /** One line for docs/errors.md. */
    public String meaning() { return meaning; }
}
