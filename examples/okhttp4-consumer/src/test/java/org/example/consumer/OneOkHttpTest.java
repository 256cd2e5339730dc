package org.example.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.core.OpenStack;
import app.exosphere.core.auth.Credentials;
import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import retrofit2.Retrofit;

class OneOkHttpTest {

    private static List<URL> copiesOf(String resource) throws IOException {
        return Collections.list(OneOkHttpTest.class.getClassLoader().getResources(resource));
    }

    @Test
    void theClassPathHoldsOneOkHttpClientClassFromOkHttp5() throws IOException {
        assertThat(copiesOf("okhttp3/OkHttpClient.class"))
                .singleElement()
                .satisfies(url -> assertThat(url.toString()).contains("/okhttp-jvm-5."));
    }

    @Test
    void theClassPathHoldsOneKotlinStdlib() throws IOException {
        assertThat(copiesOf("kotlin/KotlinVersion.class")).hasSize(1);
        // kotlin-stdlib-jdk8 1.x (OkHttp 4's) would bring a second copy of these
        assertThat(copiesOf("kotlin/internal/jdk8/JDK8PlatformImplementations.class"))
                .hasSize(1);
    }

    @Test
    void retrofitAndTheSdkShareOneClient() {
        try (OpenStack openStack = OpenStack.builder()
                .authUrl("http://127.0.0.1:9/v3")
                .credentials(Credentials.applicationCredential("id", "secret"))
                .buildLazily()) {
            OkHttpClient shared = openStack.httpClient();
            Retrofit retrofit = new Retrofit.Builder()
                    .baseUrl("http://127.0.0.1:9/")
                    .client(shared)
                    .build();

            assertThat(retrofit.callFactory()).isSameAs(shared);
        }
    }
}
