package app.exosphere.cloudinit.internal;

import app.exosphere.cloudinit.InvalidUserDataOptionException;
import java.util.regex.Pattern;

/**
 * Context validation for everything substituted into user data. Each check names the option and the
 * rule and never repeats the value (it may be a secret). Not API.
 */
public final class Checks {

    private static final Pattern FILENAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern URL_SCHEME = Pattern.compile("(?:https?|git|ssh|git\\+ssh)://[^/\\s]+(?:/.*)?");
    private static final Pattern SCP_LIKE = Pattern.compile("[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:[^\\s]+");
    private static final Pattern HTTP_URL = Pattern.compile("https?://[^/\\s]+(?:/.*)?");
    private static final Pattern SSH_KEY = Pattern.compile("(?:ssh-(?:rsa|dss|ed25519)|ecdsa-sha2-nistp(?:256|384|521)"
            + "|sk-ssh-ed25519@openssh\\.com|sk-ecdsa-sha2-nistp256@openssh\\.com"
            + "|(?:ssh-(?:rsa|dss|ed25519)|ecdsa-sha2-nistp(?:256|384|521))-cert-v01@openssh\\.com)"
            + " [A-Za-z0-9+/]+={0,3}(?: [^\\p{Cntrl}]*)?");

    /** The longest SSH public key line accepted (a 16384-bit RSA key is about 2.8 KB). */
    public static final int MAX_SSH_KEY = 8192;

    private Checks() {}

    private static InvalidUserDataOptionException invalid(String option, String problem) {
        return new InvalidUserDataOptionException(option, problem);
    }

    /** Rejects C0/C1 control characters, line/paragraph separators, BOM and unpaired surrogates. */
    public static void printable(String option, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == '\u2028' || c == '\u2029' || c == '\ufeff') {
                throw invalid(
                        option,
                        "contains a control or line-break character at index " + i
                                + " (newlines, tabs and other control characters are not allowed)");
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    throw invalid(option, "contains an unpaired UTF-16 surrogate at index " + i);
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                throw invalid(option, "contains an unpaired UTF-16 surrogate at index " + i);
            }
        }
    }

    /** Non-blank, at most {@code max} characters, printable. */
    public static void text(String option, String value, int max) {
        if (value.isBlank()) {
            throw invalid(option, "must not be blank");
        }
        if (value.length() > max) {
            throw invalid(option, "is " + value.length() + " characters long, at most " + max + " are allowed");
        }
        printable(option, value);
    }

    /** Rejects Jinja2 delimiters: Ansible would evaluate them as templates inside extra vars. */
    public static void noAnsibleTemplate(String option, String value) {
        if (value.contains("{{") || value.contains("{%") || value.contains("{#")) {
            throw invalid(
                    option,
                    "contains an Ansible/Jinja2 template delimiter ({{, {% or {#), which the playbook would evaluate");
        }
    }

    /** A Git repository URL: http(s)/git/ssh URL or scp-like {@code user@host:path}; no spaces, no leading dash. */
    public static void gitRepository(String option, String value) {
        text(option, value, 2048);
        if (value.startsWith("-")) {
            throw invalid(option, "must not start with '-' (it would be read as a git option)");
        }
        if (value.chars().anyMatch(Character::isWhitespace)) {
            throw invalid(option, "must not contain whitespace; percent-encode it (%20)");
        }
        if (!URL_SCHEME.matcher(value).matches() && !SCP_LIKE.matcher(value).matches()) {
            throw invalid(
                    option,
                    "must be a Git URL such as https://gitlab.com/exosphere/exosphere.git or git@host:org/repo.git");
        }
    }

    /** A Git reference to fetch (branch, tag or commit) following git check-ref-format's character rules. */
    public static void gitRef(String option, String value) {
        text(option, value, 255);
        if (value.startsWith("-")) {
            throw invalid(option, "must not start with '-' (it would be read as a git option)");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c) || "~^:?*[\\".indexOf(c) >= 0) {
                throw invalid(
                        option, "contains the character at index " + i + ", which Git does not allow in a reference");
            }
        }
        if (value.contains("..")
                || value.contains("@{")
                || value.endsWith("/")
                || value.endsWith(".lock")
                || value.endsWith(".")) {
            throw invalid(option, "is not a valid Git reference (no '..', '@{', trailing '/', '.' or '.lock')");
        }
    }

    /** A value that reaches Ansible: printable, no whitespace at the ends, no leading dash, no Jinja. */
    public static void ansibleValue(String option, String value, int max) {
        text(option, value, max);
        if (!value.strip().equals(value)) {
            throw invalid(option, "must not start or end with whitespace");
        }
        if (value.startsWith("-")) {
            throw invalid(option, "must not start with '-' (it would be read as a command-line option)");
        }
        noAnsibleTemplate(option, value);
    }

    /** One OpenSSH public key line: type, Base64 blob, optional comment; no options prefix, no line breaks. */
    public static void sshPublicKey(String option, String value) {
        if (value.isBlank()) {
            throw invalid(option, "must not be blank");
        }
        if (value.length() > MAX_SSH_KEY) {
            throw invalid(option, "is " + value.length() + " characters long, at most " + MAX_SSH_KEY + " are allowed");
        }
        printable(option, value);
        if (!SSH_KEY.matcher(value).matches()) {
            throw invalid(
                    option,
                    "is not an OpenSSH public key line ('<type> <base64> [comment]', e.g. 'ssh-ed25519 AAAA... user@host');"
                            + " authorized_keys options are not accepted");
        }
    }

    /** An http(s) URL without whitespace. */
    public static void httpUrl(String option, String value) {
        text(option, value, 2048);
        if (value.chars().anyMatch(Character::isWhitespace)
                || !HTTP_URL.matcher(value).matches()) {
            throw invalid(option, "must be an http(s) URL without whitespace, e.g. https://keystone.example:5000/v3");
        }
    }

    /** A MIME attachment file name. */
    public static void partFilename(String option, String value) {
        if (!FILENAME.matcher(value).matches()) {
            throw invalid(
                    option,
                    "must be 1-64 characters of letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
    }
}
