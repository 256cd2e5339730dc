package app.exosphere.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a JUnit 5 test against a fresh {@link CloudSimulator}: each test method gets its own cloud,
 * started before the test and closed after it. Declare parameters of type {@link CloudSimulator},
 * {@link CloudCredentials} or {@code okhttp3.OkHttpClient} (configured for the cloud and its UAP) to
 * receive them. On a method it overrides the class-level settings.
 *
 * <pre>{@code
 * @WithCloudSimulator(preset = Scenario.Preset.JETSTREAM2, timeScale = 600)
 * class MyGatewayTest {
 *     @Test
 *     void launchesAnInstance(CloudSimulator cloud, CloudCredentials credentials) { assertThat(cloud.servers()).isEmpty(); }
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(CloudSimulatorExtension.class)
public @interface WithCloudSimulator {
    /** The scenario preset. */
    Scenario.Preset preset() default Scenario.Preset.JETSTREAM2;

    /**
     * A scenario of your own: a class with a public no-argument constructor whose {@code get()} returns
     * it. When given, it replaces {@link #preset()}.
     *
     * <pre>{@code
     * public static final class ShortTokens implements Supplier<Scenario> {
     *     public Scenario get() { return Scenario.jetstream2().toBuilder().tokenLifetime(Duration.ofMinutes(5)).build(); }
     * }
     * @WithCloudSimulator(scenario = ShortTokens.class)
     * class RenewalTest {}
     * }</pre>
     */
    Class<? extends java.util.function.Supplier<Scenario>> scenario() default PresetScenario.class;

    /** Marker for {@link #scenario()}: use {@link #preset()}. */
    final class PresetScenario implements java.util.function.Supplier<Scenario> {
        private PresetScenario() {}

        /** Never called: the marker means "use the preset". */
        @Override
        public Scenario get() {
            throw new UnsupportedOperationException("marker class");
        }
    }

    /** Simulated seconds per wall second (0: the clock moves only by {@link CloudSimulator#advance}). */
    double timeScale() default 60;

    /** Seed for ids, passphrases and tokens; 0 picks a fixed default so runs repeat. */
    long seed() default 0;
}
