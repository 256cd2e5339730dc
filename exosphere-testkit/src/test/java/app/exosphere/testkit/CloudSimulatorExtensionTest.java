package app.exosphere.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

@WithCloudSimulator(preset = Scenario.Preset.NO_UAP, timeScale = 0)
class CloudSimulatorExtensionTest {

    @Test
    void injectsTheCloudItsCredentialsAndAConfiguredClient(
            CloudSimulator cloud, CloudCredentials credentials, OkHttpClient http) throws IOException {
        assertThat(cloud.scenario().regions()).extracting(Scenario.Region::id).containsExactly("RegionOne");
        assertThat(credentials.authUrl()).isEqualTo(cloud.keystoneUrl());
        try (Response r = http.newCall(
                        new Request.Builder().url(cloud.keystoneUrl()).build())
                .execute()) {
            assertThat(r.code()).isEqualTo(200);
        }
    }

    @Test
    @WithCloudSimulator(preset = Scenario.Preset.JETSTREAM2)
    void methodAnnotationOverridesTheClassOne(CloudSimulator cloud) {
        assertThat(cloud.uapHostname("TACC")).contains("proxy-js2-tacc.simulated.test");
        assertThat(cloud.clock().factor()).isEqualTo(60);
    }

    /** A scenario of the test's own. */
    public static final class ShortTokens implements java.util.function.Supplier<Scenario> {
        @Override
        public Scenario get() {
            return Scenario.withoutUap().toBuilder()
                    .tokenLifetime(java.time.Duration.ofMinutes(5))
                    .build();
        }
    }

    @Test
    @WithCloudSimulator(scenario = ShortTokens.class, timeScale = 0)
    void acceptsAScenarioOfTheTestsOwn(CloudSimulator cloud) {
        assertThat(cloud.scenario().tokenLifetime()).isEqualTo(java.time.Duration.ofMinutes(5));
    }

    @Test
    void eachTestGetsAFreshCloud(CloudSimulator cloud) {
        assertThat(cloud.journal().size()).isZero();
        assertThat(cloud.servers()).isEmpty();
    }
}
