package app.exosphere.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * Default-deny redaction for log lines and exception messages. Headers are printed only when on an
 * allow list (tokens appear as a short SHA-256 prefix so requests can be correlated); JSON bodies are
 * printed with every secret-looking member masked and the token catalog summarized; non-JSON bodies are
 * never printed.
 */
public final class Redactor {
    private static final Set<String> VISIBLE_HEADERS = Set.of(
            "accept",
            "content-type",
            "content-length",
            "user-agent",
            "openstack-api-version",
            "x-openstack-nova-api-version",
            "x-openstack-request-id",
            "x-compute-request-id",
            "retry-after",
            "location",
            "date",
            "vary",
            "server",
            "connection",
            "transfer-encoding",
            "cache-control",
            "etag",
            "last-modified");
    private static final Set<String> HASHED_HEADERS = Set.of("x-auth-token", "x-subject-token");
    private static final String[] SECRET_KEY_PARTS = {
        "password",
        "passwd",
        "secret",
        "token",
        "passphrase",
        "user_data",
        "userdata",
        "private",
        "credential",
        "adminpass",
        "exopw",
        "authorization",
        "cookie",
        "signature",
        "output",
        "cert",
        "key"
    };
    private static final Set<String> SAFE_KEYS = Set.of("key_name", "public_key", "filterkey", "keypair", "keypairs");
    private static final Pattern LONG_OPAQUE = Pattern.compile("[A-Za-z0-9_\\-+/=%]{32,}");
    private static final int MAX_LOGGED_BODY = 4096;

    private final ObjectMapper mapper;

    public Redactor(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Header lines for a TRACE log, default-deny. */
    public String headers(Headers headers) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i);
            String lower = name.toLowerCase(Locale.ROOT);
            String value;
            if (VISIBLE_HEADERS.contains(lower)) {
                value = headers.value(i);
            } else if (HASHED_HEADERS.contains(lower)) {
                value = hashed(headers.value(i));
            } else {
                value = "<redacted>";
            }
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(name).append(": ").append(value);
        }
        return sb.toString();
    }

    /** A URL for logs: secret-looking query values and {@code exoPw:} tag segments masked. */
    public String url(HttpUrl url) {
        HttpUrl.Builder b = url.newBuilder();
        for (int i = 0; i < url.pathSize(); i++) {
            String seg = url.pathSegments().get(i);
            if (seg.toLowerCase(Locale.ROOT).startsWith("exopw")) {
                b.setPathSegment(i, "exoPw:<redacted>");
            }
        }
        for (String name : url.queryParameterNames()) {
            if (isSecretKey(name)) {
                b.setQueryParameter(name, "<redacted>");
            }
        }
        return b.build().toString();
    }

    /** A body for TRACE logs. */
    public String body(byte[] body, String contentType) {
        if (body == null || body.length == 0) {
            return "<empty>";
        }
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).contains("json")) {
            return "<" + body.length + " bytes of " + (contentType == null ? "unknown type" : contentType)
                    + " not logged>";
        }
        try {
            JsonNode tree = mapper.readTree(body);
            String out = mapper.writeValueAsString(redact(tree, null));
            return out.length() > MAX_LOGGED_BODY
                    ? out.substring(0, MAX_LOGGED_BODY) + "...<" + (out.length() - MAX_LOGGED_BODY) + " more chars>"
                    : out;
        } catch (Exception e) {
            return "<" + body.length + " bytes of unparseable JSON not logged>";
        }
    }

    /** A copy of {@code node} with secrets masked. */
    public JsonNode redact(JsonNode node, String key) {
        if (node == null) {
            return null;
        }
        if (key != null) {
            String lower = key.toLowerCase(Locale.ROOT);
            if (lower.equals("catalog") && node.isArray()) {
                return TextNode.valueOf("<catalog: " + node.size() + " services>");
            }
            if (lower.equals("token") && node.isObject()) {
                return redactObject((ObjectNode) node, Set.of("id"));
            }
            if (isSecretKey(key) && !node.isNull()) {
                return TextNode.valueOf("<redacted>");
            }
        }
        if (node.isObject()) {
            return redactObject((ObjectNode) node, Set.of());
        }
        if (node.isArray()) {
            ArrayNode copy = mapper.createArrayNode();
            node.forEach(child -> copy.add(redact(child, null)));
            return copy;
        }
        if (node.isTextual() && node.textValue().toLowerCase(Locale.ROOT).startsWith("exopw")) {
            return TextNode.valueOf("exoPw:<redacted>");
        }
        return node;
    }

    private JsonNode redactObject(ObjectNode obj, Set<String> extraMasked) {
        ObjectNode copy = mapper.createObjectNode();
        Iterator<Map.Entry<String, JsonNode>> it = obj.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (extraMasked.contains(e.getKey())) {
                copy.set(e.getKey(), TextNode.valueOf("<redacted>"));
            } else {
                copy.set(e.getKey(), redact(e.getValue(), e.getKey()));
            }
        }
        return copy;
    }

    static boolean isSecretKey(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        if (SAFE_KEYS.contains(lower)) {
            return false;
        }
        for (String part : SECRET_KEY_PARTS) {
            if (lower.contains(part)) {
                return true;
            }
        }
        return false;
    }

    /** A short, secret-free excerpt of a non-JSON error body for an exception message. */
    public static String excerpt(byte[] body, int max) {
        String text = new String(body, StandardCharsets.UTF_8);
        text = text.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ")
                .replaceAll("(?is)<title>(.*?)</title>", "$1: ")
                .replaceAll("(?s)<[^>]*>", " ")
                .replace("&nbsp;", " ")
                .replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replaceAll("\\s+", " ")
                .trim();
        text = LONG_OPAQUE.matcher(text).replaceAll("<redacted>");
        if (text.length() > max) {
            text = text.substring(0, max) + "...";
        }
        return text;
    }

    /** {@code <redacted sha256:0123abcd>} for a high-entropy token (never for passwords). */
    public static String hashed(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return "<redacted sha256:" + HexFormat.of().formatHex(digest, 0, 4) + ">";
        } catch (NoSuchAlgorithmException e) {
            return "<redacted>";
        }
    }
}
