package app.exosphere.uap;

import app.exosphere.uap.InvalidUapValueException.Reason;

/** Validation of the values that make up UAP hostnames; package-private, shared by the public types. */
final class UapValues {
    private UapValues() {}

    static final int MAX_HOSTNAME_LENGTH = 253;
    static final int MAX_LABEL_LENGTH = 63;

    /** Validates a dotted-decimal IPv4 address and returns it unchanged. */
    static String ipv4(String ip) {
        if (ip == null) {
            throw new InvalidUapValueException(
                    Reason.MALFORMED_IPV4, null, "IP address is null; expected a dotted-decimal IPv4 address");
        }
        if (ip.indexOf(':') >= 0) {
            // Exosphere's `Helpers.Url.buildProxyUrl`: buildProxyUrl only replaces '.', so IPv6 never worked; say so.
            throw new InvalidUapValueException(
                    Reason.IPV6_NOT_SUPPORTED,
                    ip,
                    "'" + ip + "' looks like an IPv6 address; the User Application Proxy supports IPv4 only"
                            + " (use the instance's floating IPv4 address)");
        }
        String[] parts = ip.split("\\.", -1);
        if (parts.length != 4) {
            throw malformedIpv4(ip, "expected four dot-separated decimal octets such as 149.165.157.212");
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !isAsciiDigits(part)) {
                throw malformedIpv4(ip, "each octet must be a decimal number 0-255");
            }
            if (part.length() > 1 && part.charAt(0) == '0') {
                // the UAP's nginx rejects zero-padded octets (Exosphere's `docs/user-app-proxy.md`)
                throw malformedIpv4(ip, "octet '" + part + "' has a leading zero; write it without padding");
            }
            if (Integer.parseInt(part) > 255) {
                throw malformedIpv4(ip, "octet " + part + " is greater than 255");
            }
        }
        return ip;
    }

    private static InvalidUapValueException malformedIpv4(String ip, String why) {
        return new InvalidUapValueException(
                Reason.MALFORMED_IPV4, ip, "'" + ip + "' is not a valid IPv4 address: " + why);
    }

    static int port(int port) {
        if (port < 1 || port > 65535) {
            throw new InvalidUapValueException(
                    Reason.PORT_OUT_OF_RANGE,
                    Integer.toString(port),
                    "port " + port + " is out of range; expected 1-65535");
        }
        return port;
    }

    /**
     * Validates a UAP hostname with the DNS hostname rules (RFC 1123): dot-separated labels of 1–63
     * letters, digits and hyphens, not starting or ending with a hyphen, at most 253 characters, and a
     * last label that is not all digits (so IP literals are refused). Case is kept as given (Exosphere
     * uses the configured hostname verbatim, Exosphere's {@code Helpers.Url.buildProxyUrl}).
     */
    static String hostname(String what, String hostname) {
        if (hostname == null || hostname.isEmpty()) {
            throw badHostname(what, hostname, "it is empty; expected a DNS name such as proxy-js2-iu.exosphere.app");
        }
        if (hostname.length() > MAX_HOSTNAME_LENGTH) {
            throw badHostname(what, hostname, "it is longer than " + MAX_HOSTNAME_LENGTH + " characters");
        }
        if (hostname.endsWith(".")) {
            throw badHostname(what, hostname, "remove the trailing dot");
        }
        String[] labels = hostname.split("\\.", -1);
        for (String label : labels) {
            if (label.isEmpty()) {
                throw badHostname(what, hostname, "it has an empty label (two dots in a row or a leading dot)");
            }
            if (label.length() > MAX_LABEL_LENGTH) {
                throw badHostname(
                        what, hostname, "label '" + label + "' is longer than " + MAX_LABEL_LENGTH + " characters");
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (!isLetterOrDigit(c) && c != '-') {
                    throw badHostname(
                            what,
                            hostname,
                            "label '" + label + "' contains " + describe(c)
                                    + "; only letters a-z, digits and '-' are allowed");
                }
            }
            if (label.charAt(0) == '-' || label.charAt(label.length() - 1) == '-') {
                throw badHostname(what, hostname, "label '" + label + "' starts or ends with '-'");
            }
        }
        if (isAsciiDigits(labels[labels.length - 1])) {
            throw badHostname(what, hostname, "it looks like an IP address; a UAP is addressed by its DNS name");
        }
        return hostname;
    }

    private static InvalidUapValueException badHostname(String what, String hostname, String why) {
        return new InvalidUapValueException(
                Reason.MALFORMED_HOSTNAME,
                hostname,
                what + " " + (hostname == null ? "null" : "'" + hostname + "'") + " is not a valid hostname: " + why);
    }

    static String describe(char c) {
        if (c < 0x20 || c == 0x7f) {
            return String.format("the control character U+%04X", (int) c);
        }
        if (c == ' ') {
            return "a space";
        }
        return "'" + c + "'";
    }

    static boolean isAsciiDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
