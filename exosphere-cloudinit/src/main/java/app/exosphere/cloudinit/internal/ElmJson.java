package app.exosphere.cloudinit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * JSON decoding with the semantics of Elm's {@code Json.Decode} (JavaScript {@code JSON.parse} plus typed
 * field decoders), which is what Exosphere uses on console lines and metadata values. Not API.
 */
public final class ElmJson {

    /** Strict JSON: no comments, no trailing tokens, no NaN, no single quotes. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private ElmJson() {}

    /**
     * {@code JSON.parse}: leading and trailing JSON whitespace is tolerated, anything else after the value
     * fails.
     */
    public static Optional<JsonNode> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            JsonNode node = MAPPER.readTree(text);
            // readTree yields MissingNode for blank input, which JSON.parse rejects
            return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
        } catch (JsonProcessingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Like {@link #parse} but only succeeds for a JSON object. */
    public static Optional<ObjectNode> parseObject(String text) {
        return parse(text).filter(JsonNode::isObject).map(ObjectNode.class::cast);
    }

    /**
     * {@code Json.Decode.int}: any JSON number that is mathematically an integer ({@code 1e3} is accepted,
     * {@code 1.5} is not); empty for anything else (including {@code null} and strings).
     */
    public static OptionalLong integer(JsonNode node) {
        if (node == null || !node.isNumber()) {
            return OptionalLong.empty();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? OptionalLong.of(node.longValue()) : OptionalLong.empty();
        }
        double d = node.doubleValue();
        if (Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 0x1p63) {
            return OptionalLong.of((long) d);
        }
        return OptionalLong.empty();
    }

    /** {@code Json.Decode.int} constrained to the Java {@code int} range. */
    public static Optional<Integer> smallInteger(JsonNode node) {
        OptionalLong value = integer(node);
        if (value.isPresent() && value.getAsLong() >= Integer.MIN_VALUE && value.getAsLong() <= Integer.MAX_VALUE) {
            return Optional.of((int) value.getAsLong());
        }
        return Optional.empty();
    }

    /** {@code Json.Decode.string}: only JSON strings. */
    public static Optional<String> string(JsonNode node) {
        return node != null && node.isTextual() ? Optional.of(node.textValue()) : Optional.empty();
    }
}
