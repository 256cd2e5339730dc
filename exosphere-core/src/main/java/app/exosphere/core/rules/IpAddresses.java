package app.exosphere.core.rules;

import java.util.ArrayList;
import java.util.List;

/** Exosphere's IP address validators ({@code Helpers.ipv4AddressInRfc1918Space}). */
final class IpAddresses {
    private IpAddresses() {}

    /** {@code isValidIPv6}: expandable per Exosphere's rules and every group 1–4 hex digits. */
    public static boolean isValidIpv6(String address) {
        List<String> groups = expandIpv6(address);
        if (groups == null) {
            return false;
        }
        for (String g : groups) {
            if (g.isEmpty() || g.length() > 4 || !g.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                return false;
            }
        }
        return true;
    }

    /** {@code expandIPv6}: the 8 zero-padded groups, or {@code null} when invalid. */
    public static List<String> expandIpv6(String address) {
        if (address == null) {
            return null;
        }
        String[] halves = address.split("::", -1);
        if (halves.length > 2) {
            return null;
        }
        List<String> out = new ArrayList<>();
        if (halves.length == 2) {
            List<String> left = nonEmpty(halves[0]);
            List<String> right = nonEmpty(halves[1]);
            int missing = 8 - left.size() - right.size();
            if (missing < 1) {
                return null;
            }
            out.addAll(left);
            for (int i = 0; i < missing; i++) {
                out.add("0");
            }
            out.addAll(right);
        } else {
            for (String g : address.split(":", -1)) {
                if (g.isEmpty()) {
                    return null;
                }
                out.add(g);
            }
            if (out.size() != 8) {
                return null;
            }
        }
        List<String> padded = new ArrayList<>(8);
        for (String g : out) {
            padded.add(g.length() >= 4 ? g : "0".repeat(4 - g.length()) + g);
        }
        return padded;
    }

    private static List<String> nonEmpty(String half) {
        List<String> out = new ArrayList<>();
        for (String g : half.split(":", -1)) {
            if (!g.isEmpty()) {
                out.add(g);
            }
        }
        return out;
    }
}
