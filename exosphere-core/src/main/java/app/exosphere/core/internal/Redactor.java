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
import java.util.List;
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
            "date",
            "vary",
            "server",
            "connection",
            "transfer-encoding",
            "cache-control",
            "etag",
            "last-modified");
    private static final Set<String> URL_HEADERS = Set.of("location", "content-location");
    private static final Set<String> HASHED_HEADERS = Set.of("x-auth-token", "x-subject-token");
    private static final String REDACTED = "<redacted>";
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
    private static final Pattern PASSPHRASE_TAG = Pattern.compile("(?i)exoPw(?::|%3A)[^\"'<>\\r\\n]*");
    private static final Pattern TOKEN_PARAMETER =
            Pattern.compile("(?i)((?:token|password|secret|passphrase)(?:=|%3D)|/api/tokens/)[^&\\s\"'<>#]*");
    private static final Pattern LONG_OPAQUE = Pattern.compile("[A-Za-z0-9_\\-+/=%]{32,}");
    private static final int MAX_LOGGED_BODY = 4096;

    private final ObjectMapper mapper;

    public Redactor(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Header lines for a TRACE log, default-deny: only headers on an allow list are printed, tokens
     * ({@code X-Auth-Token}, {@code X-Subject-Token}) as a short hash, {@code Location} and
     * {@code Content-Location} as {@linkplain #url redacted URLs}, and any allowed header whose value
     * (raw or percent-decoded) carries a passphrase tag or a token is masked; everything else, such as
     * {@code Set-Cookie}, is {@code <redacted>}.
     */
    public String headers(Headers headers) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i);
            String lower = name.toLowerCase(Locale.ROOT);
            String value;
            if (URL_HEADERS.contains(lower)) {
                value = urlHeader(headers.value(i));
            } else if (VISIBLE_HEADERS.contains(lower)) {
                value = carriesSecret(headers.value(i)) ? REDACTED : headers.value(i);
            } else if (HASHED_HEADERS.contains(lower)) {
                value = hashed(headers.value(i));
            } else {
                value = REDACTED;
            }
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(name).append(": ").append(value);
        }
        return sb.toString();
    }

    private String urlHeader(String value) {
        HttpUrl parsed = HttpUrl.parse(value);
        if (parsed == null) {
            // a relative reference: resolve it against a placeholder so its path can be masked
            HttpUrl base = HttpUrl.get("http://relative.invalid/");
            parsed = base.resolve(value);
            if (parsed == null) {
                return REDACTED;
            }
            String masked = url(parsed).replace("%3Credacted%3E", REDACTED);
            String relative = masked.substring("http://relative.invalid".length());
            return carriesSecret(relative) ? REDACTED : relative;
        }
        String masked = url(parsed).replace("%3Credacted%3E", REDACTED);
        return carriesSecret(masked) ? REDACTED : masked;
    }

    /** Whether a value, raw or percent-decoded, carries a passphrase tag or a token parameter. */
    static boolean carriesSecret(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        String decoded = lower;
        for (int round = 0; round < 3 && decoded.indexOf('%') >= 0; round++) {
            decoded = percentDecode(decoded);
        }
        // the decoded form contains whatever the raw form does
        String unmasked = decoded.replace("exopw:<redacted>", "")
                .replace("=<redacted>", "")
                .replace("/api/tokens/<redacted>", "");
        return unmasked.contains("exopw") || unmasked.contains("token=") || unmasked.contains("/api/tokens/");
    }

    private static String percentDecode(String s) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                out.write(Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    /**
     * A URL for logs: secret-looking query values, {@code exoPw:} tag segments, Guacamole token path
     * segments and token-carrying fragments masked.
     */
    public String url(HttpUrl url) {
        HttpUrl.Builder b = url.newBuilder();
        List<String> segments = url.pathSegments();
        for (int i = 0; i < url.pathSize(); i++) {
            String seg = segments.get(i);
            if (seg.toLowerCase(Locale.ROOT).startsWith("exopw")) {
                b.setPathSegment(i, "exoPw:<redacted>");
            } else if (i > 0 && segments.get(i - 1).equals("tokens") && !seg.isEmpty()) {
                b.setPathSegment(i, REDACTED);
            }
        }
        for (String name : url.queryParameterNames()) {
            if (isSecretKey(name)) {
                b.setQueryParameter(name, REDACTED);
            }
        }
        String fragment = url.fragment();
        if (fragment != null && carriesSecret(fragment)) {
            b.fragment(REDACTED);
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
        if (node.isTextual() && carriesSecret(node.textValue())) {
            // a link under a harmless key, e.g. a remote console's "url" with its ?token= (raw or encoded)
            String masked = secretsMasked(node.textValue());
            return TextNode.valueOf(carriesSecret(masked) ? REDACTED : masked);
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
        text = LONG_OPAQUE.matcher(secretsMasked(text)).replaceAll("<redacted>");
        if (text.length() > max) {
            text = text.substring(0, max) + "...";
        }
        return text;
    }

    /**
     * Free text (an error message a service wrote) with what may be a secret masked: passphrase tags
     * ({@code exoPw:…} to the end of the quoted part or line, raw or percent-encoded), token, password
     * and secret parameters, and Guacamole token paths.
     */
    public static String secretsMasked(String text) {
        if (text == null) {
            return null;
        }
        String masked = PASSPHRASE_TAG.matcher(text).replaceAll("exoPw:<redacted>");
        return TOKEN_PARAMETER.matcher(masked).replaceAll("$1<redacted>");
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
