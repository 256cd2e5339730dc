package app.exosphere.examples;

/** What the example programs share: choosing the simulated cloud or a named one. */
final class Examples {

    private Examples() {}

    /** The simulated cloud when {@code args} is empty, else the {@code clouds.yaml} entry {@code args[0]}. */
    static CloudSession open(String[] args) {
        return args.length == 0 || args[0].equals("--simulated")
                ? CloudSession.simulated()
                : CloudSession.cloud(args[0]);
    }
}
