package app.exosphere.core.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reading OpenStack envelopes ({@code {"servers": [...]}}) from a parser, without building a tree. */
public final class JsonStreams {
    private JsonStreams() {}

    /**
     * Moves {@code p} (before its first token) onto the value of the top-level member {@code member};
     * false when the body is not an object or has no such member.
     */
    public static boolean seek(JsonParser p, String member) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return false;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (name.equals(member)) {
                return true;
            }
            p.skipChildren();
        }
        return false;
    }

    /** Reads the array {@code p} is on, binding each item as it comes. */
    public static <T> List<T> readArray(JsonParser p, ObjectReader itemReader) throws IOException {
        List<T> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() == null) {
                throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected end of the array");
            }
            out.add(itemReader.readValue(p));
        }
        return out;
    }
}
