package app.exosphere.cloudinit.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Writes Exosphere's multipart/mixed layout ({@code ServerDeploy.cloudInitUserDataTemplate}) with LF line ends. A part whose body is
 * pure ASCII, has no line longer than 998 characters and does not contain the boundary is written
 * verbatim as {@code 7bit} (Exosphere's case); any other body is written as {@code base64} of its UTF-8
 * bytes, which cloud-init decodes. Not API.
 */
public final class MimeWriter {

    /** A part to write. */
    public record Part(String contentType, String filename, String body) {}

    private MimeWriter() {}

    /** Serializes the parts; 2+ parts give a multipart container, as in Exosphere. */
    public static String write(String boundary, List<Part> parts) {
        StringBuilder out = new StringBuilder();
        out.append("MIME-Version: 1.0\n")
                .append("Content-Transfer-Encoding: 7bit\n")
                .append("Content-Type: multipart/mixed; boundary=\"")
                .append(boundary)
                .append("\"\n")
                .append("Number-Attachments: ")
                .append(parts.size());
        for (Part part : parts) {
            out.append("\n\n--").append(boundary).append('\n');
            boolean verbatim = isVerbatim(part.body(), boundary);
            out.append("Content-Transfer-Encoding: ")
                    .append(verbatim ? "7bit" : "base64")
                    .append('\n');
            out.append("Content-Type: ").append(part.contentType()).append('\n');
            out.append("Content-Disposition: attachment; filename=\"")
                    .append(part.filename())
                    .append("\"\n\n");
            out.append(verbatim ? part.body() : base64Lines(part.body()));
        }
        out.append("\n\n--").append(boundary).append("--");
        return out.toString();
    }

    static boolean isVerbatim(String body, String boundary) {
        if (body.contains("--" + boundary) || body.indexOf('\r') >= 0) {
            return false;
        }
        int lineLength = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c >= 128 || c == 0) {
                return false;
            }
            lineLength = c == '\n' ? 0 : lineLength + 1;
            if (lineLength > 998) {
                return false;
            }
        }
        return true;
    }

    static String base64Lines(String body) {
        String encoded = Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < encoded.length(); i += 76) {
            out.append(encoded, i, Math.min(encoded.length(), i + 76)).append('\n');
        }
        return out.toString();
    }
}
