package app.exosphere.cloudinit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One part of parsed user data: its content type (lower case, e.g. {@code text/cloud-config}), its
 * attachment file name if any, its headers, and its decoded body. Example:
 *
 * <pre>{@code
 * for (UserDataPart p : UserData.parseBase64(userData).parts()) {
 *     if (p.isCloudConfig()) System.out.println(p.asCloudConfig());
 * }
 * }</pre>
 *
 * @param contentType the effective content type, lower case, without parameters
 * @param filename the attachment file name, if any
 * @param headers the part's MIME headers (lower-case names); empty for single-part user data
 * @param body the decoded body text
 */
public record UserDataPart(String contentType, Optional<String> filename, Map<String, String> headers, String body) {

    /** Validates and copies. */
    public UserDataPart {
        contentType = Objects.requireNonNull(contentType, "contentType").toLowerCase(Locale.ROOT);
        Objects.requireNonNull(filename, "filename");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(headers, "headers")));
        Objects.requireNonNull(body, "body");
    }

    /** {@code text/cloud-config}. */
    public boolean isCloudConfig() {
        return contentType.equals(ExosphereUserData.CLOUD_CONFIG_TYPE);
    }

    /** {@code text/x-shellscript}. */
    public boolean isShellScript() {
        return contentType.equals(ExosphereUserData.SHELL_TYPE);
    }

    /** {@code text/cloud-boothook}. */
    public boolean isBoothook() {
        return contentType.equals(ExosphereUserData.BOOTHOOK_TYPE);
    }

    /** Whether cloud-init runs this part as a program (shell script or boothook). */
    public boolean isScript() {
        return isShellScript() || isBoothook();
    }

    /**
     * The body as a cloud-config fragment.
     *
     * @throws InvalidUserDataOptionException when the body is not a YAML mapping
     */
    public CloudConfigFragment asCloudConfig() {
        return CloudConfigFragment.fromYaml(body);
    }

    /** Type, name and size only: bodies can hold credentials. */
    @Override
    public String toString() {
        return "UserDataPart[" + contentType + filename.map(f -> ", " + f).orElse("") + ", " + body.length()
                + " chars]";
    }
}
