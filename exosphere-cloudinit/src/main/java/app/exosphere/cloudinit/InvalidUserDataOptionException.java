package app.exosphere.cloudinit;

import java.util.Objects;

/**
 * An option value that cannot be placed safely into user data (a repository URL with a newline, an SSH
 * key with a quote-breaking control character, an Ansible template delimiter in a workflow reference, a
 * duplicate script name, ...). The message names the option and the rule; it never repeats the value.
 * Example:
 *
 * <pre>{@code
 * try {
 *     options.render();
 * } catch (InvalidUserDataOptionException e) {
 *     System.err.println(e.option() + ": " + e.getMessage());
 * }
 * }</pre>
 */
public final class InvalidUserDataOptionException extends UserDataException {

    private static final long serialVersionUID = 1L;

    private final String option;

    /**
     * @param option the option's name, e.g. {@code "configManagementRepository"}
     * @param problem what is wrong and what to do, without the value
     */
    public InvalidUserDataOptionException(String option, String problem) {
        super("Invalid user data option '" + Objects.requireNonNull(option) + "': " + Objects.requireNonNull(problem));
        this.option = option;
    }

    /** The name of the offending option (e.g. {@code sshPublicKeys[1]}). */
    public String option() {
        return option;
    }
}
