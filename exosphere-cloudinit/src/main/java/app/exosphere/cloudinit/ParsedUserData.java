package app.exosphere.cloudinit;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * User data read back into typed parts: a single {@code #cloud-config}, {@code #!} script or
 * {@code #cloud-boothook}, or a (possibly nested, possibly gzip-compressed) multipart document whose leaf
 * parts are listed in order. Example:
 *
 * <pre>{@code
 * ParsedUserData parsed = UserData.parseBase64(userData);
 * parsed.cloudConfig().ifPresent(p -> System.out.println(p.body()));
 * Optional<RecognisedUserData> exo = parsed.recogniseExosphere();
 * }</pre>
 *
 * @param parts the leaf parts in document order
 * @param multipart whether the input was a MIME multipart document
 * @param compressed whether the input was gzip-compressed
 */
public record ParsedUserData(List<UserDataPart> parts, boolean multipart, boolean compressed) {

    /** Validates and copies. */
    public ParsedUserData {
        parts = List.copyOf(Objects.requireNonNull(parts, "parts"));
    }

    /** The first {@code text/cloud-config} part. */
    public Optional<UserDataPart> cloudConfig() {
        return parts.stream().filter(UserDataPart::isCloudConfig).findFirst();
    }

    /** The parts cloud-init runs as programs (shell scripts and boothooks), in order. */
    public List<UserDataPart> scripts() {
        return parts.stream().filter(UserDataPart::isScript).toList();
    }

    /** The part with that attachment file name. */
    public Optional<UserDataPart> part(String filename) {
        return parts.stream()
                .filter(p -> p.filename().filter(filename::equals).isPresent())
                .findFirst();
    }

    /** {@link ExosphereUserData#recognise(ParsedUserData)} for this user data. */
    public Optional<RecognisedUserData> recogniseExosphere() {
        return ExosphereUserData.recognise(this);
    }
}
