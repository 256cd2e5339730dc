package app.exosphere.examples.cli;

/**
 * An expected failure of a command: its message goes to stderr (no stack trace) and the CLI exits with
 * {@link #exitCode()}. Throw it from a command for outcomes like "nothing found".
 *
 * <pre>{@code
 * throw new CliFailure(1, "no-token", "no workflow token in the console log");
 * }</pre>
 */
public final class CliFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;
    private final String kind;

    /**
     * @param exitCode the process exit code, non-zero
     * @param kind a short machine-readable kind for {@code --json} ({@code "kind"} member)
     * @param message what went wrong, for a person
     */
    public CliFailure(int exitCode, String kind, String message) {
        super(message);
        if (exitCode == 0) {
            throw new IllegalArgumentException("a failure needs a non-zero exit code");
        }
        this.exitCode = exitCode;
        this.kind = kind;
    }

    /** The process exit code. */
    public int exitCode() {
        return exitCode;
    }

    /** A short machine-readable kind, e.g. {@code no-token}. */
    public String kind() {
        return kind;
    }
}
