package app.exosphere.examples;

import app.exosphere.testkit.Scenario;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link CloudSession} on the embedded simulated cloud for a whole test class: opened before the class's
 * {@code @BeforeAll} methods run, closed after its {@code @AfterAll} methods.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final SimulatedSession simulated = new SimulatedSession();
 *
 * @Test
 * void listRuns() {
 *     assertThat(CliRun.on(simulated.session(), "list").exitCode()).isZero();
 * }
 * }</pre>
 */
public final class SimulatedSession implements BeforeAllCallback, AfterAllCallback {
    private final Supplier<CloudSession> open;
    private volatile CloudSession session;

    /** A session on the default simulated cloud (Jetstream2's scenario). */
    public SimulatedSession() {
        this(CloudSession::simulated);
    }

    /** A session on a simulated cloud built from {@code scenario}. */
    public SimulatedSession(Scenario scenario) {
        this(() -> CloudSession.simulated(scenario));
    }

    private SimulatedSession(Supplier<CloudSession> open) {
        this.open = open;
    }

    /** The class's session; only between the class's first and last callbacks. */
    public CloudSession session() {
        CloudSession s = session;
        if (s == null) {
            throw new IllegalStateException(
                    "SimulatedSession is used outside its test class: register it with @RegisterExtension on a static field");
        }
        return s;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        session = open.get();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        CloudSession s = session;
        session = null;
        if (s != null) {
            s.close();
        }
    }
}
