package app.exosphere.core.internal.calls;

import app.exosphere.core.error.ResponseDecodingException;
import app.exosphere.core.http.OpenStackResponse;
import app.exosphere.core.internal.json.JsonStreams;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.function.Function;

/** Response decoders shared by the service clients. */
public final class Decode {
    private Decode() {}

    /** Decodes the member {@code member} as {@code type}. */
    public static <T> Function<OpenStackResponse, T> member(String member, Class<T> type) {
        return r -> r.as(member, type);
    }

    /** Decodes the array {@code member} as a list of {@code type}, item by item; a missing array is an error. */
    public static <T> Function<OpenStackResponse, List<T>> list(String member, Class<T> type) {
        return r -> {
            ObjectMapper mapper = app.exosphere.core.internal.json.ServiceJson.mapper();
            try (JsonParser p = mapper.createParser(r.body())) {
                if (JsonStreams.seek(p, member) && p.currentToken() == JsonToken.START_ARRAY) {
                    return List.copyOf(JsonStreams.<T>readArray(p, mapper.readerFor(type)));
                }
            } catch (java.io.IOException | IllegalArgumentException e) {
                throw new ResponseDecodingException(
                        "could not decode " + type.getSimpleName() + " from "
                                + r.url().replaceFirst("\\?.*$", ""),
                        null);
            }
            throw new ResponseDecodingException(
                    "response of " + r.url().replaceFirst("\\?.*$", "") + " has no '" + member + "' array", null);
        };
    }

    /** Converts one subtree with the SDK mapper, reporting failures as {@link ResponseDecodingException}. */
    public static <T> T convert(OpenStackResponse r, JsonNode node, Class<T> type) {
        try {
            return app.exosphere.core.internal.json.ServiceJson.mapper().treeToValue(node, type);
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new ResponseDecodingException(
                    "could not decode " + type.getSimpleName() + " from "
                            + r.url().replaceFirst("\\?.*$", ""),
                    null);
        }
    }

    /** Decodes the object {@code member} as a string map (non-string values as their text). */
    public static java.util.Map<String, String> stringMap(OpenStackResponse r, String member) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        r.json()
                .path(member)
                .fields()
                .forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return java.util.Collections.unmodifiableMap(out);
    }
}
