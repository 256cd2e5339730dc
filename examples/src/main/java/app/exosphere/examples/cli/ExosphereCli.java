package app.exosphere.examples.cli;

/** The {@code exosphere} command-line tool; its commands land with the CLI issue. */
public final class ExosphereCli {
    private ExosphereCli() {}

    public static void main(String[] args) {
        System.err.println("exosphere: no commands yet");
        System.exit(2);
    }
}
