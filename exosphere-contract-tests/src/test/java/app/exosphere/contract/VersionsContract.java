package app.exosphere.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Version documents and microversion negotiation, as a client discovers them: the unversioned
 * root of each service lists its versions with their microversion range; a request with a
 * microversion in range is answered at that version (and says so in {@code OpenStack-API-Version});
 * one out of range is refused with 406.
 */
abstract class VersionsContract extends CloudContract {

    /** The service root: the endpoint with its version path ({@code /v2.1}, {@code /v3/{project}}) removed. */
    private String root(String type) {
        String endpoint = member.endpoint(type);
        int v = endpoint.indexOf("/v", "http://".length());
        return v < 0 ? endpoint : endpoint.substring(0, v);
    }

    private static JsonNode version(JsonNode versions, String id) {
        for (JsonNode v : versions) {
            if (v.path("id").asText().equals(id)) {
                return v;
            }
        }
        throw new AssertionError("no version " + id + " in " + versions);
    }

    private static int minor(String microversion) {
        return Integer.parseInt(microversion.substring(microversion.indexOf('.') + 1));
    }

    @Test
    void computeRootListsV21AsCurrentWithItsMicroversionRange() {
        Rest.Reply r = Rest.send("GET", root("compute") + "/", Map.of(), null);
        JsonNode v21 = version(r.expect(200, 300).path("versions"), "v2.1");
        assertThat(v21.path("status").asText()).isEqualTo("CURRENT");
        assertThat(v21.path("min_version").asText()).isEqualTo("2.1");
        // Exosphere needs 2.27 (server fields) and 2.49 (tagged volume attach); osbox (Zed) says 2.93
        assertThat(minor(v21.path("version").asText())).isGreaterThanOrEqualTo(61);
    }

    @Test
    void computeAnswersAtTheRequestedMicroversionAndSaysSo() {
        Rest.Reply r = member.get("compute", "/flavors/detail", "2.61");
        r.expect(200);
        assertThat(r.header("OpenStack-API-Version")).hasValue("compute 2.61");
        assertThat(r.json().path("flavors").get(0).has("extra_specs"))
                .as("flavors carry extra_specs from 2.61 on")
                .isTrue();

        Rest.Reply old = member.get("compute", "/flavors/detail", "2.1");
        old.expect(200);
        assertThat(old.json().path("flavors").get(0).has("extra_specs")).isFalse();
    }

    @Test
    void computeRefusesAMicroversionAboveItsMaximumWith406() {
        Rest.Reply r = member.get("compute", "/servers", "2.999");
        assertThat(r.status()).isEqualTo(406);
        // Nova's own fault shape (not Keystone's "error"): {"computeFault": {"code": 406, "message": …}}
        JsonNode fault = r.json().path("computeFault");
        assertThat(fault.path("code").asInt()).isEqualTo(406);
        assertThat(fault.path("message").asText())
                .startsWith("Version 2.999 is not supported by the API. Minimum is 2.1 and maximum is 2.");
    }

    @Test
    void blockStorageRootListsV3WithItsMicroversionRange() {
        Rest.Reply r = Rest.send("GET", root("volumev3") + "/", Map.of(), null);
        JsonNode v3 = version(r.expect(200, 300).path("versions"), "v3.0");
        assertThat(v3.path("status").asText()).isEqualTo("CURRENT");
        assertThat(v3.path("min_version").asText()).isEqualTo("3.0");
        assertThat(minor(v3.path("version").asText())).isGreaterThanOrEqualTo(60);
    }

    @Test
    void imageAndNetworkRootsListTheirCurrentVersions() {
        JsonNode image = Rest.send("GET", root("image") + "/versions", Map.of(), null)
                .expect(200, 300)
                .path("versions");
        assertThat(image.findValuesAsText("status")).contains("CURRENT");
        assertThat(image.findValuesAsText("id")).contains("v2.0");

        JsonNode network = Rest.send("GET", member.endpoint("network") + "/", Map.of(), null)
                .expect(200, 300)
                .path("versions");
        assertThat(network.findValuesAsText("id")).contains("v2.0");
    }

    @Test
    void neutronOffersTheExtensionsExosphereUses() {
        JsonNode extensions = member.get("network", "/extensions").expect(200).path("extensions");
        assertThat(extensions.findValuesAsText("alias"))
                .contains("router", "external-net", "security-group", "auto-allocated-topology", "standard-attr-tag");
    }
}
