package app.exosphere.uap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** URL vectors traced through Exosphere's {@code Helpers.Url.buildProxyUrl}, through the public API a gateway would use. */
class SpecVectorsTest {
    private static final String JS2 = "https://js2.jetstream-cloud.org:5000/identity/v3";
    private static final String RESCLOUD = "https://rci.uits.iu.edu:5000/v3";
    private static final String NECTAR = "https://keystone.rc.nectar.org.au:5000/v3/";
    private final UapCatalog catalog = UapCatalog.exosphereDefaults();

    private String uap(String keystoneUrl, String region) {
        return catalog.uapHostnameFor(keystoneUrl, region).orElseThrow();
    }

    @Test
    void vector01GuacamoleTokenApiOnJetstream2Iu() {
        assertThat(GuacamoleUrls.tokenApi(uap(JS2, "IU"), "149.165.157.212"))
                .extracting(UapUrl::toUriString)
                .isEqualTo("https://http-149-165-157-212-49528.proxy-js2-iu.exosphere.app/guacamole/api/tokens");
    }

    @Test
    void vector02TerminalOnJetstream2Tacc() {
        assertThat(GuacamoleUrls.terminal(uap(JS2, "TACC"), "129.114.104.5", "A1B2C3D4E5F6"))
                .extracting(UapUrl::toUriString)
                .isEqualTo("https://http-129-114-104-5-49528.proxy-js2-tacc.exosphere.app"
                        + "/guacamole/#/client/c2hlbGwAYwBkZWZhdWx0?token=A1B2C3D4E5F6");
    }

    @Test
    void vector03UnknownRegionFallsBackToCatchAllEntry() {
        assertThat(GuacamoleUrls.desktop(uap(JS2, "Nowhere"), "149.165.0.7", "abc"))
                .extracting(UapUrl::toUriString)
                .isEqualTo("https://http-149-165-0-7-49528.proxy-js2-iu.exosphere.app"
                        + "/guacamole/#/client/ZGVza3RvcABjAGRlZmF1bHQ=?token=abc");
    }

    @Test
    void vector04TokenIsEncodedLikeEncodeUriComponent() {
        assertThat(GuacamoleUrls.desktop(uap(JS2, "ASU"), "10.0.0.1", "tok/with+chars="))
                .extracting(UapUrl::toUriString)
                .isEqualTo("https://http-10-0-0-1-49528.proxy-js2-asu.exosphere.app"
                        + "/guacamole/#/client/ZGVza3RvcABjAGRlZmF1bHQ=?token=tok%2Fwith%2Bchars%3D");
    }

    @Test
    void vector05WorkflowWithEmptyPath() {
        assertThat(JupyterUrls.workflow(uap(JS2, "IU"), "149.165.1.2", "", "0123abcd"))
                .extracting(UapUrl::toUriString)
                .isEqualTo("https://http-149-165-1-2-8888.proxy-js2-iu.exosphere.app/?token=0123abcd");
    }

    @Test
    void vector06WorkflowWithPathLab() {
        assertThat(JupyterUrls.workflow(uap(JS2, "IU"), "149.165.1.2", "lab", "0123abcd"))
                .extracting(UapUrl::toUriString)
                .isEqualTo("https://http-149-165-1-2-8888.proxy-js2-iu.exosphere.app/lab?token=0123abcd");
    }

    @Test
    void vector07WorkflowPathWithLeadingSlashKeepsExosphereDoubleSlash() {
        UapUrl url = JupyterUrls.workflow(uap(JS2, "IU"), "149.165.1.2", "/rstudio", "0123abcd");
        assertThat(url)
                .extracting(UapUrl::toUriString)
                .isEqualTo("https://http-149-165-1-2-8888.proxy-js2-iu.exosphere.app//rstudio?token=0123abcd");
        assertThat(url.normalized())
                .isEqualTo("https://http-149-165-1-2-8888.proxy-js2-iu.exosphere.app/rstudio?token=0123abcd");
    }

    @Test
    void vector08WorkflowPathSpaceIsNotEncodedByExosphere() {
        UapUrl url = JupyterUrls.workflow(uap(JS2, "Cornell"), "128.84.8.9", "notebooks/a b.ipynb", "ff");
        assertThat(url)
                .extracting(UapUrl::toUriString)
                .isEqualTo("https://http-128-84-8-9-8888.proxy-js2-cornell.exosphere.app/notebooks/a b.ipynb?token=ff");
        assertThat(url.normalized())
                .isEqualTo(
                        "https://http-128-84-8-9-8888.proxy-js2-cornell.exosphere.app/notebooks/a%20b.ipynb?token=ff");
    }

    @Test
    void vector09RescloudRegionOneTokenApi() {
        assertThat(GuacamoleUrls.tokenApi(uap(RESCLOUD, "RegionOne"), "156.56.1.1"))
                .extracting(UapUrl::toUriString)
                .isEqualTo("https://http-156-56-1-1-49528.proxy-rescloud.exosphere.app/guacamole/api/tokens");
    }

    @Test
    void vector10RescloudOtherRegionHasNoUap() {
        assertThat(catalog.uapHostnameFor(RESCLOUD, "RegionTwo")).isEmpty();
    }

    @Test
    void vector11ProjectWithoutRegionGetsCatchAllEntry() {
        assertThat(catalog.uapHostnameFor(JS2, null)).contains("proxy-js2-iu.exosphere.app");
    }

    @Test
    void vector12HttpsUpstreamHasNoPrefix() {
        UapUrl url = UapUrl.builder()
                .uapHostname("uap.example.org")
                .ip("198.51.100.99")
                .port(12345)
                .protocol(UpstreamProtocol.HTTPS)
                .path("foobar")
                .build();
        assertThat(url).extracting(UapUrl::toUriString).isEqualTo("https://198-51-100-99-12345.uap.example.org/foobar");
    }

    @Test
    void vector13DocsExampleWithHttpUpstream() {
        UapUrl url = UapUrl.of("myexampleproxy.example.com", UapTarget.http("198.51.100.99", 12345), "foobar");
        assertThat(url)
                .extracting(UapUrl::toUriString)
                .isEqualTo("https://http-198-51-100-99-12345.myexampleproxy.example.com/foobar");
    }

    @Test
    void vector14OctetsAreNotZeroPadded() {
        assertThat(GuacamoleUrls.tokenApi(uap(JS2, "IU"), "149.165.0.5"))
                .extracting(UapUrl::toUriString)
                .isEqualTo("https://http-149-165-0-5-49528.proxy-js2-iu.exosphere.app/guacamole/api/tokens");
    }

    @Test
    void vector15NectarHasNoUap() {
        assertThat(catalog.findByKeystoneUrl(NECTAR))
                .hasValueSatisfying(cloud -> assertThat(cloud.userAppProxy()).isEmpty());
        assertThat(catalog.uapHostnameFor(NECTAR, null)).isEmpty();
        assertThat(catalog.uapHostnameFor(NECTAR, "melbourne")).isEmpty();
    }

    @Test
    void vector16KeystoneUrlPortIsIgnored() {
        assertThat(catalog.findByKeystoneUrl("https://js2.jetstream-cloud.org:5000/identity/v3"))
                .hasValueSatisfying(
                        cloud -> assertThat(cloud.keystoneHostname()).isEqualTo("js2.jetstream-cloud.org"));
    }

    @Test
    void vector17KeystoneHostMatchIsCaseSensitive() {
        assertThat(catalog.findByKeystoneUrl("https://JS2.jetstream-cloud.org:5000/v3"))
                .isEmpty();
    }
}
