package app.exosphere.core;

import app.exosphere.core.internal.json.ServiceJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the upstream OpenStack API samples copied under {@code src/test/resources/samples}. */
public final class Samples {
    private Samples() {}

    /** The sample text, e.g. {@code text("nova/servers__server-get-resp.json")}. */
    public static String text(String path) {
        try (InputStream in = Samples.class.getResourceAsStream("/samples/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample as a JSON tree. */
    public static JsonNode json(String path) {
        return ServiceJson.tree(text(path));
    }

    /** The member {@code key} of the sample, converted to {@code type}. */
    public static <T> T read(String path, String key, Class<T> type) {
        return ServiceJson.convert(json(path).get(key), type);
    }
}
