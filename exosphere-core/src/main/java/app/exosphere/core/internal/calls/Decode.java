package app.exosphere.core.internal.calls;

import app.exosphere.core.error.ResponseDecodingException;
import app.exosphere.core.http.OpenStackResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Response decoders shared by the service clients. */
public final class Decode {
    private Decode() {}

    /** Decodes the member {@code member} as {@code type}. */
    public static <T> Function<OpenStackResponse, T> member(String member, Class<T> type) {
        return r -> r.as(member, type);
    }

    /** Decodes the array {@code member} as a list of {@code type}; a missing array is an error. */
    public static <T> Function<OpenStackResponse, List<T>> list(String member, Class<T> type) {
        return r -> {
            JsonNode array = r.json().get(member);
            if (array == null || !array.isArray()) {
                throw new ResponseDecodingException(
                        "response of " + r.url().replaceFirst("\\?.*$", "") + " has no '" + member + "' array", null);
            }
            List<T> out = new ArrayList<>(array.size());
            for (JsonNode item : array) {
                out.add(convert(r, item, type));
            }
            return List.copyOf(out);
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
