package app.exosphere.cloudinit;

import app.exosphere.cloudinit.internal.Checks;
import java.util.Objects;

/**
 * An extra shell script a gateway appends to Exosphere's user data, as its own
 * {@code text/x-shellscript} part. cloud-init runs user scripts once per instance in file-name order, so
 * the name decides when it runs relative to Exosphere's {@code 00-exosphere-setup-running.sh} and
 * {@code 90-exosphere-ansible-setup.sh} (use e.g. {@code 95-gateway.sh} to run after Exosphere's setup).
 * The script text is not modified; it must start with a {@code #!} line. Example:
 *
 * <pre>{@code
 * ShellPart agent = ShellPart.of("95-gateway-agent.sh", "#!/bin/bash\nset -eu\ncurl -fsS https://gw.example/agent | sh\n");
 * }</pre>
 *
 * @param filename the attachment file name: letters, digits, {@code .}, {@code _}, {@code -}; at most 64
 *     characters; not one of Exosphere's names
 * @param script the script text, starting with {@code #!}
 */
public record ShellPart(String filename, String script) {

    /** Validates. */
    public ShellPart {
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(script, "script");
        Checks.partFilename("extraShellParts.filename", filename);
        if (!script.startsWith("#!")) {
            throw new InvalidUserDataOptionException(
                    "extraShellParts[" + filename + "]",
                    "a shell part must start with an interpreter line such as #!/bin/bash");
        }
        if (script.indexOf('\0') >= 0) {
            throw new InvalidUserDataOptionException(
                    "extraShellParts[" + filename + "]", "NUL characters are not allowed");
        }
    }

    /** Same as the constructor. */
    public static ShellPart of(String filename, String script) {
        return new ShellPart(filename, script);
    }

    /** Names the file only: scripts may embed secrets. */
    @Override
    public String toString() {
        return "ShellPart[" + filename + ", " + script.length() + " chars]";
    }
}
