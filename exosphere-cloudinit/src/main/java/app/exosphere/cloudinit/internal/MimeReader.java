package app.exosphere.cloudinit.internal;

import app.exosphere.cloudinit.ParsedUserData;
import app.exosphere.cloudinit.UserDataParseException;
import app.exosphere.cloudinit.UserDataPart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Reads user data like cloud-init does: gzip, MIME multipart (nested), single parts typed by their first
 * line. Not API.
 */
public final class MimeReader {

    /** Decompressed user data larger than this is refused (gzip bombs). */
    static final int MAX_DECOMPRESSED = 16 * 1024 * 1024;

    private static final int MAX_DEPTH = 10;

    // cloud-init's "starts with" table; longer prefixes first
    private static final String[][] STARTS_WITH = {
        {"#cloud-config-archive", "text/cloud-config-archive"},
        {"#cloud-config-jsonp", "text/cloud-config-jsonp"},
        {"#cloud-config", "text/cloud-config"},
        {"#cloud-boothook", "text/cloud-boothook"},
        {"#include-once", "text/x-include-once-url"},
        {"#include", "text/x-include-url"},
        {"#upstart-job", "text/upstart-job"},
        {"#part-handler", "text/part-handler"},
        {"## template: jinja", "text/jinja2"},
        {"#!", "text/x-shellscript"},
    };

    private static final Pattern HEADER_START = Pattern.compile("(?i)^(content-type|mime-version)\\s*:");
    private static final Pattern PARAM =
            Pattern.compile("(?i);\\s*([A-Za-z0-9*_.-]+)\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^;\\s]*))");

    private MimeReader() {}

    public static ParsedUserData parse(byte[] data) {
        boolean compressed = data.length >= 2 && (data[0] & 0xff) == 0x1f && (data[1] & 0xff) == 0x8b;
        byte[] raw = compressed ? gunzip(data) : data;
        String text = new String(raw, StandardCharsets.UTF_8);
        List<UserDataPart> parts = new ArrayList<>();
        boolean multipart = false;
        if (HEADER_START.matcher(text).find()) {
            Entity entity = entity(text);
            multipart = entity.type().startsWith("multipart/");
            collect(entity, parts, 0);
        } else {
            parts.add(new UserDataPart(typeFromContent(text), Optional.empty(), Map.of(), text));
        }
        return new ParsedUserData(parts, multipart, compressed);
    }

    /** The type cloud-init gives to an untyped body, from its first line. */
    public static String typeFromContent(String body) {
        for (String[] entry : STARTS_WITH) {
            if (body.startsWith(entry[0])) {
                return entry[1];
            }
        }
        return "text/plain";
    }

    private record Entity(Map<String, String> headers, String type, Map<String, String> params, String body) {}

    private static Entity entity(String text) {
        Map<String, String> headers = new LinkedHashMap<>();
        int pos = 0;
        String last = null;
        while (pos < text.length()) {
            int lineStart = pos;
            int eol = text.indexOf('\n', pos);
            String line = text.substring(pos, eol < 0 ? text.length() : eol);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            pos = eol < 0 ? text.length() : eol + 1;
            if (line.isEmpty()) {
                break;
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && last != null) {
                headers.put(last, headers.get(last) + " " + line.strip());
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || !line.substring(0, colon).strip().matches("[!-9;-~]+")) {
                // not a header: the body starts here (lenient, like Python's email parser)
                pos = lineStart;
                break;
            }
            last = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            headers.put(last, line.substring(colon + 1).strip());
        }
        String body = pos >= text.length() ? "" : text.substring(pos);
        String contentType = headers.getOrDefault("content-type", "text/plain");
        int semi = contentType.indexOf(';');
        String type = (semi < 0 ? contentType : contentType.substring(0, semi))
                .strip()
                .toLowerCase(Locale.ROOT);
        Map<String, String> params = params(semi < 0 ? "" : contentType.substring(semi));
        return new Entity(headers, type, params, body);
    }

    private static Map<String, String> params(String s) {
        Map<String, String> params = new LinkedHashMap<>();
        Matcher m = PARAM.matcher(s);
        while (m.find()) {
            String value = m.group(2) != null ? m.group(2).replaceAll("\\\\(.)", "$1") : m.group(3);
            params.put(m.group(1).toLowerCase(Locale.ROOT), value);
        }
        return params;
    }

    private static void collect(Entity entity, List<UserDataPart> out, int depth) {
        if (depth > MAX_DEPTH) {
            throw new UserDataParseException("multipart user data is nested more than " + MAX_DEPTH + " levels deep");
        }
        if (entity.type().startsWith("multipart/")) {
            String boundary = entity.params().get("boundary");
            if (boundary == null || boundary.isEmpty()) {
                throw new UserDataParseException("multipart user data has no boundary parameter in its Content-Type");
            }
            for (String partText : split(entity.body(), boundary)) {
                collect(entity(partText), out, depth + 1);
            }
            return;
        }
        String body = decode(entity);
        String type = entity.type();
        if (type.equals("text/plain") || type.equals("text/x-not-multipart")) {
            type = typeFromContent(body); // cloud-init re-detects untyped parts
        }
        Optional<String> filename = Optional.ofNullable(
                        params(";" + afterSemicolon(entity.headers().getOrDefault("content-disposition", "")))
                                .get("filename"))
                .or(() -> Optional.ofNullable(entity.params().get("name")));
        out.add(new UserDataPart(type, filename, entity.headers(), body));
    }

    private static String afterSemicolon(String header) {
        int semi = header.indexOf(';');
        return semi < 0 ? "" : header.substring(semi + 1);
    }

    /** Splits a multipart body on its delimiter lines; the line break before a delimiter belongs to it. */
    static List<String> split(String body, String boundary) {
        String delimiter = "--" + boundary;
        List<String> parts = new ArrayList<>();
        int pos = 0;
        int partStart = -1;
        boolean closed = false;
        while (pos <= body.length() && !closed) {
            int eol = body.indexOf('\n', pos);
            int lineEnd = eol < 0 ? body.length() : eol;
            String line = body.substring(pos, lineEnd);
            String trimmed = line.stripTrailing();
            boolean isClose = trimmed.equals(delimiter + "--");
            if (isClose || trimmed.equals(delimiter)) {
                if (partStart >= 0) {
                    int end = pos;
                    // the CRLF/LF preceding the delimiter is part of the delimiter
                    if (end > partStart && body.charAt(end - 1) == '\n') {
                        end--;
                        if (end > partStart && body.charAt(end - 1) == '\r') {
                            end--;
                        }
                    }
                    parts.add(body.substring(partStart, Math.max(partStart, end)));
                }
                partStart = eol < 0 ? body.length() : eol + 1;
                closed = isClose;
            }
            if (eol < 0) {
                break;
            }
            pos = eol + 1;
        }
        if (!closed && partStart >= 0 && partStart < body.length()) {
            parts.add(body.substring(partStart)); // unterminated last part, as Python's email parser accepts
        }
        if (partStart < 0) {
            throw new UserDataParseException("multipart user data contains no part delimited by its boundary");
        }
        return parts;
    }

    private static String decode(Entity entity) {
        String cte = entity.headers()
                .getOrDefault("content-transfer-encoding", "7bit")
                .strip()
                .toLowerCase(Locale.ROOT);
        Charset charset = charset(entity.params().get("charset"));
        return switch (cte) {
            case "base64" -> {
                try {
                    yield new String(
                            Base64.getMimeDecoder().decode(entity.body().strip()), charset);
                } catch (IllegalArgumentException e) {
                    throw new UserDataParseException("a user data part declares base64 but is not valid Base64", e);
                }
            }
            case "quoted-printable" -> new String(quotedPrintable(entity.body()), charset);
            default -> entity.body();
        };
    }

    private static Charset charset(String name) {
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }

    static byte[] quotedPrintable(String body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length());
        byte[] in = body.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < in.length; i++) {
            byte b = in[i];
            if (b == '=') {
                if (i + 1 < in.length && in[i + 1] == '\n') {
                    i++;
                    continue;
                }
                if (i + 2 < in.length && in[i + 1] == '\r' && in[i + 2] == '\n') {
                    i += 2;
                    continue;
                }
                if (i + 2 < in.length) {
                    int hi = Character.digit(in[i + 1], 16);
                    int lo = Character.digit(in[i + 2], 16);
                    if (hi >= 0 && lo >= 0) {
                        out.write(hi * 16 + lo);
                        i += 2;
                        continue;
                    }
                }
            }
            out.write(b);
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] data) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length * 4);
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                if (out.size() > MAX_DECOMPRESSED) {
                    throw new UserDataParseException(
                            "gzip user data expands beyond " + MAX_DECOMPRESSED + " bytes; refusing to read it");
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UserDataParseException("user data starts like gzip but cannot be decompressed", e);
        }
    }
}
