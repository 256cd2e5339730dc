package org.example.gatewayweb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Spring Boot 3.5's dependency management pins Kotlin 1.9; with the exosphere BOM (OkHttp 5) and the
 * {@code kotlin.version} property of this project's pom, the gateway runs with exactly one OkHttp, OkHttp 5
 * (okhttp-jvm), and one Kotlin stdlib of the 2.x line OkHttp 5 is built with.
 */
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
    void theClassPathHoldsOneKotlinStdlibOfVersionTwo() throws IOException {
        assertThat(copiesOf("kotlin/KotlinVersion.class"))
                .singleElement()
                .satisfies(url -> assertThat(url.toString()).contains("/kotlin-stdlib-2."));
        assertThat(copiesOf("kotlin/internal/jdk8/JDK8PlatformImplementations.class")).hasSize(1);
    }
}
