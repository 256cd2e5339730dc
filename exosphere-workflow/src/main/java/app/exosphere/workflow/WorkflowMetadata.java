package app.exosphere.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code exoCustomWorkflow} server metadata item that marks an instance as launched with a workflow
 * and remembers what to open (Exosphere's {@code Helpers.newServerMetadata} and {@code ansible/roles/workflow}): compact JSON
 * {@code {"v":1,"repo":"<repository>","ref":"<reference>","path":"<path>"}} stored as a string, with
 * {@code ""} for an absent reference or path.
 *
 * <p>Values read from servers are taken as they are (the Exosphere web app stores whatever its form
 * held, DOIs and stray whitespace included); only {@link WorkflowSource} validates.
 *
 * <pre>{@code
 * Optional<WorkflowMetadata> wf = WorkflowMetadata.fromServerMetadata(server.metadata());
 * wf.map(WorkflowMetadata::path); // e.g. "lab"
 * }</pre>
 *
 * @param repo the repository as stored
 * @param ref the Git reference, {@code ""} for the default branch
 * @param path the path to open, possibly {@code ""}
 */
public record WorkflowMetadata(String repo, String ref, String path) {

    /** The server metadata key. */
    public static final String KEY = "exoCustomWorkflow";

    /** Nova's limit on a metadata value, in characters. */
    public static final int MAX_VALUE_LENGTH = 255;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Validates that no component is null. */
    public WorkflowMetadata {
        Objects.requireNonNull(repo, "repo");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(path, "path");
    }

    /**
     * The metadata value exactly as Exosphere writes it (JavaScript {@code JSON.stringify}, compact, keys
     * in the order {@code v, repo, ref, path}).
     */
    public String toMetadataValue() {
        StringBuilder s = new StringBuilder(48 + repo.length() + ref.length() + path.length());
        s.append("{\"v\":1,\"repo\":");
        JsonString.append(repo, s);
        s.append(",\"ref\":");
        JsonString.append(ref, s);
        s.append(",\"path\":");
        JsonString.append(path, s);
        return s.append('}').toString();
    }

    /** The length of {@link #toMetadataValue()} as Nova counts it (Unicode characters). */
    public int metadataValueLength() {
        String value = toMetadataValue();
        return value.codePointCount(0, value.length());
    }

    /** Whether the value fits Nova's 255-character limit. */
    public boolean fitsNova() {
        return metadataValueLength() <= MAX_VALUE_LENGTH;
    }

    /**
     * Decodes a metadata value like Exosphere's reader: JSON (surrounding whitespace tolerated) with string
     * fields {@code repo}, {@code ref} and {@code path}; {@code v} and other fields are ignored. Empty when
     * the value does not decode.
     */
    public static Optional<WorkflowMetadata> parse(String metadataValue) {
        if (metadataValue == null) {
            return Optional.empty();
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(metadataValue);
        } catch (JsonProcessingException | RuntimeException e) {
            return Optional.empty();
        }
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        JsonNode repo = node.get("repo");
        JsonNode ref = node.get("ref");
        JsonNode path = node.get("path");
        if (repo == null || !repo.isTextual() || ref == null || !ref.isTextual() || path == null || !path.isTextual()) {
            return Optional.empty();
        }
        return Optional.of(new WorkflowMetadata(repo.textValue(), ref.textValue(), path.textValue()));
    }

    /** The decoded {@link #KEY} item of a server's metadata; empty when absent or undecodable. */
    public static Optional<WorkflowMetadata> fromServerMetadata(Map<String, String> serverMetadata) {
        Objects.requireNonNull(serverMetadata, "serverMetadata");
        return parse(serverMetadata.get(KEY));
    }

    /** JSON string literals as {@code JSON.stringify} writes them. */
    static final class JsonString {
        private JsonString() {}

        static void append(String value, StringBuilder s) {
            s.append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '"' -> s.append("\\\"");
                    case '\\' -> s.append("\\\\");
                    case '\b' -> s.append("\\b");
                    case '\f' -> s.append("\\f");
                    case '\n' -> s.append("\\n");
                    case '\r' -> s.append("\\r");
                    case '\t' -> s.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            s.append(String.format("\\u%04x", (int) c));
                        } else {
                            s.append(c);
                        }
                    }
                }
            }
            s.append('"');
        }
    }
}
