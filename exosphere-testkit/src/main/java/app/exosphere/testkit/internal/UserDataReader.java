package app.exosphere.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * What a simulated instance learns from its user data, like cloud-init and Ansible would: whether it
 * is Exosphere's template (the boothook that prints {@code starting}), and the Ansible extra vars
 * ({@code guac_enabled}, {@code gui_enabled}, {@code workflow_source_repository},
 * {@code workflow_repo_version}) (exosphere-spec §1.2–§1.5).
 */
public record UserDataReader(
        boolean exosphere,
        boolean extraVarsReadable,
        boolean guacamole,
        boolean desktop,
        Optional<String> workflowRepository,
        Optional<String> workflowReference) {

    private static final Pattern EXTRA_VARS = Pattern.compile("-e \"(\\{.*?\\})\"\\s*\\\\?", Pattern.DOTALL);

    /** Reads Base64 user data as sent in {@code server.user_data}; {@code null} means none. */
    public static UserDataReader read(String base64) {
        if (base64 == null || base64.isEmpty()) {
            return none();
        }
        byte[] raw;
        try {
            raw = Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return none();
        }
        if (raw.length > 2 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
                raw = in.readAllBytes();
            } catch (IOException e) {
                return none();
            }
        }
        return parse(new String(raw, StandardCharsets.UTF_8));
    }

    static UserDataReader parse(String text) {
        // exosphere-spec §1.3: part 1's per-instance guard and status line mark Exosphere's template
        boolean exosphere = text.contains("exosphere-setup-starting") || text.contains("00-exosphere-boothook.sh");
        if (!exosphere) {
            return none();
        }
        Matcher m = EXTRA_VARS.matcher(text);
        if (!m.find()) {
            return new UserDataReader(true, false, false, false, Optional.empty(), Optional.empty());
        }
        // exosphere-spec §1.5: every JSON quote is written as \" so the shell un-escapes it
        JsonNode vars = Json.parse(m.group(1).replace("\\\"", "\""));
        if (vars == null || !vars.isObject()) {
            return new UserDataReader(true, false, false, false, Optional.empty(), Optional.empty());
        }
        return new UserDataReader(
                true,
                true,
                vars.path("guac_enabled").asBoolean(false),
                vars.path("gui_enabled").asBoolean(false),
                Optional.ofNullable(Json.text(vars, "workflow_source_repository"))
                        .filter(s -> !s.isEmpty()),
                Optional.ofNullable(Json.text(vars, "workflow_repo_version")).filter(s -> !s.isEmpty()));
    }

    private static UserDataReader none() {
        return new UserDataReader(false, false, false, false, Optional.empty(), Optional.empty());
    }
}
