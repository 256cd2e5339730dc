package app.exosphere.testkit;

import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit 5 extension behind {@link WithCloudSimulator}: resolves {@link CloudSimulator},
 * {@link CloudCredentials} and {@link OkHttpClient} parameters from one cloud per test method, and
 * closes the cloud when the test ends. Usually registered through the annotation; register it
 * directly with {@code @ExtendWith(CloudSimulatorExtension.class)} to get the defaults.
 *
 * <pre>{@code
 * @ExtendWith(CloudSimulatorExtension.class)
 * class DefaultsTest {
 *     @Test void works(CloudSimulator cloud) { assertThat(cloud.keystoneUrl()).endsWith("/v3"); }
 * }
 * }</pre>
 */
public final class CloudSimulatorExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NS =
            ExtensionContext.Namespace.create(CloudSimulatorExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == CloudSimulator.class || type == CloudCredentials.class || type == OkHttpClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (context.getTestMethod().isEmpty()) {
            throw new ParameterResolutionException("@WithCloudSimulator injects into test methods only (one cloud per"
                    + " test); create a CloudSimulator yourself for class-wide use");
        }
        Holder holder =
                context.getStore(NS).getOrComputeIfAbsent(Holder.class, k -> new Holder(start(context)), Holder.class);
        Class<?> type = parameter.getParameter().getType();
        if (type == CloudSimulator.class) {
            return holder.cloud;
        }
        if (type == CloudCredentials.class) {
            return holder.cloud.credentials();
        }
        return holder.client();
    }

    private static CloudSimulator start(ExtensionContext context) {
        WithCloudSimulator settings = find(context.getTestMethod().map(m -> (AnnotatedElement) m))
                .or(() -> find(context.getTestClass().map(c -> (AnnotatedElement) c)))
                .orElse(null);
        Scenario.Preset preset = settings == null ? Scenario.Preset.JETSTREAM2 : settings.preset();
        Scenario scenario = preset.scenario();
        if (settings != null && settings.scenario() != WithCloudSimulator.PresetScenario.class) {
            try {
                scenario = settings.scenario()
                        .getDeclaredConstructor()
                        .newInstance()
                        .get();
            } catch (ReflectiveOperationException e) {
                throw new ParameterResolutionException(
                        "@WithCloudSimulator(scenario = " + settings.scenario().getName()
                                + ") needs a public no-argument constructor",
                        e);
            }
        }
        double scale = settings == null ? 60 : settings.timeScale();
        long seed = settings == null || settings.seed() == 0 ? 20_240_101L : settings.seed();
        return CloudSimulator.builder()
                .scenario(scenario)
                .clock(SimulatedClock.accelerated(scale))
                .seed(seed)
                .start();
    }

    private static Optional<WithCloudSimulator> find(Optional<AnnotatedElement> element) {
        return element.map(e -> e.getAnnotation(WithCloudSimulator.class));
    }

    /** Closes the cloud when JUnit discards the store. */
    /** The cloud this extension started for the test of {@code context}, if any. */
    static Optional<CloudSimulator> cloudOf(ExtensionContext context) {
        Holder h = context.getStore(NS).get(Holder.class, Holder.class);
        return h == null ? Optional.empty() : Optional.of(h.cloud);
    }

    private static final class Holder implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        final CloudSimulator cloud;
        private OkHttpClient client;

        Holder(CloudSimulator cloud) {
            this.cloud = cloud;
        }

        synchronized OkHttpClient client() {
            if (client == null) {
                client = cloud.newHttpClient();
            }
            return client;
        }

        @Override
        public void close() {
            if (client != null) {
                client.dispatcher().executorService().shutdown();
                client.connectionPool().evictAll();
            }
            cloud.close();
        }
    }
}
