package app.exosphere.uap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UapCatalogTest {

    @ParameterizedTest
    @CsvSource({
        "https://js2.jetstream-cloud.org:5000/identity/v3, js2.jetstream-cloud.org",
        "https://js2.jetstream-cloud.org/identity/v3, js2.jetstream-cloud.org",
        "http://keystone.example.org:5000, keystone.example.org",
        "https://keystone.example.org?x=1, keystone.example.org",
        "https://keystone.example.org#frag, keystone.example.org",
        "https://JS2.Jetstream-Cloud.org:5000/v3, JS2.Jetstream-Cloud.org",
        "https://10.0.0.1:5000/v3, 10.0.0.1",
    })
    void extractsKeystoneHostnameLikeElmUrl(String url, String host) {
        assertThat(UapCatalog.keystoneHostname(url)).contains(host);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "js2.jetstream-cloud.org",
                "ftp://js2.jetstream-cloud.org/",
                "https://",
                "https:///v3",
                "https://user@js2.jetstream-cloud.org/v3",
                "https://js2.jetstream-cloud.org:abc/v3",
                "https://js2.jetstream-cloud.org:/v3",
                "https://[2001:db8::1]:5000/v3",
                "HTTPS://js2.jetstream-cloud.org/v3"
            })
    void unparseableKeystoneUrlsHaveNoHostname(String url) {
        assertThat(UapCatalog.keystoneHostname(url)).isEmpty();
        assertThat(UapCatalog.exosphereDefaults().findByKeystoneUrl(url)).isEmpty();
    }

    @Test
    void nullKeystoneUrlMatchesNothing() {
        assertThat(UapCatalog.exosphereDefaults().uapHostnameFor(null, "IU")).isEmpty();
    }

    @Test
    void unknownCloudHasNoUap() {
        assertThat(UapCatalog.exosphereDefaults().uapHostnameFor("https://keystone.example.org:5000/v3", "IU"))
                .isEmpty();
    }

    @Test
    void laterCloudWithSameKeystoneHostnameReplacesEarlierOne() {
        UapCatalog catalog = UapCatalog.of(
                UapCloud.of("keystone.example.org", UapConfig.of(UapEntry.catchAll("old.example.org"))),
                UapCloud.of("other.example.org", null),
                UapCloud.of("keystone.example.org", UapConfig.of(UapEntry.catchAll("new.example.org"))));
        assertThat(catalog.uapHostnameFor("https://keystone.example.org/v3", null))
                .contains("new.example.org");
        assertThat(catalog.clouds()).hasSize(2);
    }

    @Test
    void exosphereDefaultsHaveEveryJetstream2Region() {
        UapCatalog catalog = UapCatalog.exosphereDefaults();
        String js2 = "https://js2.jetstream-cloud.org:5000/identity/v3";
        assertThat(catalog.uapHostnameFor(js2, "ASU")).contains("proxy-js2-asu.exosphere.app");
        assertThat(catalog.uapHostnameFor(js2, "Cornell")).contains("proxy-js2-cornell.exosphere.app");
        assertThat(catalog.uapHostnameFor(js2, "IU")).contains("proxy-js2-iu.exosphere.app");
        assertThat(catalog.uapHostnameFor(js2, "TACC")).contains("proxy-js2-tacc.exosphere.app");
        assertThat(catalog.uapHostnameFor(js2, "UH")).contains("proxy-js2-uh.exosphere.app");
        assertThat(catalog.clouds())
                .extracting(UapCloud::keystoneHostname)
                .containsExactly("js2.jetstream-cloud.org", "keystone.rc.nectar.org.au", "rci.uits.iu.edu");
    }

    @Test
    void cloudWithoutUapAnswersEmptyForEveryRegion() {
        UapCloud cloud = UapCloud.withoutUap("keystone.example.org");
        assertThat(cloud.userAppProxy()).isEmpty();
        assertThat(cloud.uapHostnameFor("RegionOne")).isEmpty();
        assertThat(cloud.uapHostnameFor(null)).isEmpty();
    }
}
