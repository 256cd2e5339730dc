package app.exosphere.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.core.error.ResponseDecodingException;
import app.exosphere.core.http.OpenStackResponse;
import app.exosphere.core.internal.calls.Decode;
import app.exosphere.core.internal.json.ServiceJson;
import app.exosphere.fuzz.Seeds;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the JSON decoding of every public model ({@code @JsonDeserialize} types of
 * the service packages), seeded with the real OpenStack API samples (copies of
 * {@code src/test/resources/samples} and {@code openstack-api-samples}, see their provenance). Whatever the body, decoding gives a
 * model or a {@link ResponseDecodingException}, in under a second.
 */
class ModelJsonFuzzTest {
    private static final List<Class<?>> MODELS = PublicModels.jsonModels();
    private static final int SHARES = 4;

    @BeforeAll
    static void warmUp() {
        Seeds.each(
                ModelJsonFuzzTest.class,
                "everyModelDecodesOrFailsWithATypedError",
                new ModelJsonFuzzTest()::everyModelDecodesOrFailsWithATypedError);
    }

    @Test
    void everyServicePackageContributesModels() {
        assertThat(MODELS)
                .extracting(c -> c.getPackageName().replace("app.exosphere.core.", ""))
                .contains("compute", "image", "network", "volume");
    }

    @Test
    void hundredThousandDeepNestingIsATypedDecodingError() {
        byte[] deep =
                ("{\"server\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> response(deep).json()).isInstanceOf(ResponseDecodingException.class);
        decodeEveryModel(deep);
    }

    @FuzzTest(maxDuration = "2m")
    @Timeout(value = 10, unit = TimeUnit.SECONDS) // wall-clock backstop; the limit is 1 s of CPU per input
    void everyModelDecodesOrFailsWithATypedError(byte[] body) {
        Seeds.withinOneCpuSecond(() -> check(body));
    }

    private void check(byte[] body) {
        decodeSomeModels(body);
    }

    private static OpenStackResponse response(byte[] body) {
        return OpenStackResponse.of(
                "compute",
                "GET",
                "https://nova.example/v2.1/servers/detail",
                200,
                Map.of(),
                body,
                ServiceJson.mapper());
    }

    /** Every model, for the warm-up and the deep-nesting test. */
    private static void decodeEveryModel(byte[] body) {
        for (int share = 0; share < SHARES; share++) {
            decodeModels(body, share);
        }
    }

    /**
     * A quarter of the models per fuzz input (chosen by the input's length), so one input stays far
     * below the one-second limit on a loaded machine; across the corpus every model is decoded.
     */
    private static void decodeSomeModels(byte[] body) {
        decodeModels(body, body.length % SHARES);
    }

    private static void decodeModels(byte[] body, int share) {
        List<Class<?>> models = new java.util.ArrayList<>();
        for (int i = share; i < MODELS.size(); i += SHARES) {
            models.add(MODELS.get(i));
        }
        OpenStackResponse r = response(body);
        JsonNode tree;
        try {
            tree = r.json();
        } catch (ResponseDecodingException expected) {
            return;
        }
        for (Class<?> model : models) {
            tryDecode(() -> r.as(model));
        }
        Iterator<Map.Entry<String, JsonNode>> members = tree.fields();
        while (members.hasNext()) {
            Map.Entry<String, JsonNode> member = members.next();
            for (Class<?> model : models) {
                tryDecode(() -> r.as(member.getKey(), model));
                if (member.getValue().isArray()) {
                    if (!member.getValue().isEmpty()) {
                        JsonNode first = member.getValue().get(0);
                        tryDecode(() -> Decode.convert(r, first, model));
                    }
                }
            }
        }
    }

    private interface Decoding {
        Object run() throws Exception;
    }

    private static void tryDecode(Decoding d) {
        try {
            Object model = d.run();
            if (model != null) {
                model.toString();
                model.hashCode();
            }
        } catch (ResponseDecodingException expected) {
            // the documented typed error
        } catch (Exception e) {
            throw new AssertionError("untyped decoding failure " + e, e);
        }
    }
}
