package app.exosphere.core;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.core.auth.AuthUrls;
import org.junit.jupiter.api.Test;

class AuthUrlsTest {
    @Test
    void followsExosphereAuthUrlWithPortAndVersionVectors() {
        // Exosphere's `State.Auth.authUrlWithPortAndVersion`
        assertThat(AuthUrls.withPortAndVersion("keystone.example.org"))
                .isEqualTo("https://keystone.example.org:5000/v3");
        assertThat(AuthUrls.withPortAndVersion("https://keystone.example.org/"))
                .isEqualTo("https://keystone.example.org:5000/v3");
        assertThat(AuthUrls.withPortAndVersion("https://js2.jetstream-cloud.org:5000/identity/v3"))
                .isEqualTo("https://js2.jetstream-cloud.org:5000/identity/v3");
        assertThat(AuthUrls.withPortAndVersion("http://k.example.org:35357/v3/"))
                .isEqualTo("http://k.example.org:35357/v3/");
        assertThat(AuthUrls.withPortAndVersion("https://cloud.example.org/identity/v3"))
                .isEqualTo("https://cloud.example.org:5000/identity/v3");
        assertThat(AuthUrls.withPortAndVersion("https://exa mple")).isEqualTo("https://exa mple");
    }
}
