package app.exosphere.workflow;

import app.exosphere.workflow.WorkflowProblem.Field;
import app.exosphere.workflow.WorkflowProblem.Kind;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The validation and normalisation rules behind {@link WorkflowSource.Builder#validate()}. Collects
 * problems and notes; never throws on content. Package-private.
 */
final class SourceRules {
    private final List<WorkflowProblem> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    String repository;
    String reference; // null = default branch
    String path = "";
    private boolean pathGiven;

    private static final Pattern BARE_DOI = Pattern.compile("(?i)^(?:doi:\\s*)?10\\.\\d{4,9}/\\S+$");
    private static final Pattern DOI_RESOLVER = Pattern.compile("(?i)^https?://(?:www\\.|dx\\.)?doi\\.org/.*");
    private static final Pattern ZENODO_RECORD =
            Pattern.compile("(?i)^https?://(?:www\\.|sandbox\\.)?zenodo\\.org/(?:record|records|doi|deposit)/.*");
    private static final Pattern URL = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://([^/]*)(.*)$", Pattern.DOTALL);
    private static final Pattern SCP_LIKE = Pattern.compile("^(?:([^@/:]+)@)?([^@/:]+):(.*)$", Pattern.DOTALL);
    private static final Pattern HOST = Pattern.compile(
            "^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$");
    private static final Set<String> SCHEMES = Set.of("https", "http", "git", "ssh", "git+ssh", "ssh+git");
    private static final Set<String> BINDER_DATA_PROVIDERS =
            Set.of("zenodo", "doi", "figshare", "hydroshare", "dataverse", "ckan");
    private static final String REPOSITORY_CHARS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/@%+=,";
    private static final String REFERENCE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._/+";

    List<WorkflowProblem> problems() {
        return problems;
    }

    List<String> notes() {
        return notes;
    }

    void run(String repositoryInput, String referenceInput, String pathInput) {
        reference = trimmedOrNull(referenceInput, "reference");
        if (pathInput != null) {
            String trimmed = pathInput.strip();
            if (!trimmed.equals(pathInput)) {
                notes.add("removed whitespace around the path");
            }
            path = trimmed;
            pathGiven = !trimmed.isEmpty();
        }
        repository(repositoryInput);
        if (reference != null) {
            checkReference(reference);
        }
        checkPath(path);
    }

    private String trimmedOrNull(String input, String what) {
        if (input == null || input.isBlank()) {
            return null;
        }
        String trimmed = input.strip();
        if (!trimmed.equals(input)) {
            notes.add("removed whitespace around the " + what);
        }
        return trimmed;
    }

    // ------------------------------------------------------------------------------------ repository

    private void repository(String input) {
        if (input == null || input.isBlank()) {
            problem(
                    Field.REPOSITORY,
                    Kind.MISSING,
                    "a workflow repository is required: the URL of a Git repository with a Binder"
                            + " configuration, e.g. https://github.com/binder-examples/r_with_python");
            return;
        }
        String repo = input.strip();
        if (!repo.equals(input)) {
            notes.add("removed whitespace around the repository");
        }
        if (isDoi(repo)) {
            return;
        }
        if (repo.startsWith("-")) {
            problem(
                    Field.REPOSITORY,
                    Kind.OPTION_LIKE,
                    "'" + repo + "' starts with '-' and would be read as a git option; give the repository URL,"
                            + " e.g. https://github.com/org/repo");
            return;
        }
        if (hasCredentials(repo)) {
            return;
        }
        repo = normaliseBrowseUrl(repo);
        if (repo == null || hasCredentials(repo)) {
            return;
        }
        int bad = firstOutside(repo, REPOSITORY_CHARS);
        if (bad >= 0) {
            problem(
                    Field.REPOSITORY,
                    Kind.UNSAFE_CHARACTER,
                    "'" + printable(repo) + "' contains " + describe(repo.charAt(bad)) + ", which is not allowed in"
                            + " a workflow repository (it is placed in the instance's user data and in shell"
                            + " commands); percent-encode it in the URL");
            return;
        }
        if (checkGitUrl(repo)) {
            this.repository = repo;
        }
    }

    private boolean isDoi(String repo) {
        String what = null;
        if (BARE_DOI.matcher(repo).matches() || DOI_RESOLVER.matcher(repo).matches()) {
            what = "is a DOI";
        } else if (ZENODO_RECORD.matcher(repo).matches()) {
            what = "is a Zenodo record, not a Git repository";
        } else {
            List<String> binder = binderSegments(repo);
            if (binder != null && binder.size() >= 2 && BINDER_DATA_PROVIDERS.contains(binder.get(1))) {
                what = "is a Binder link to a " + binder.get(1) + " archive, not a Git repository";
            }
        }
        if (what == null) {
            return false;
        }
        problem(
                Field.REPOSITORY,
                Kind.DOI,
                "'" + printable(repo) + "' " + what + ". Exosphere instances always git-clone the workflow"
                        + " repository, so a DOI or data archive (which mybinder.org would resolve) cannot be"
                        + " launched: pass the URL of the Git repository it archives instead (e.g."
                        + " https://github.com/<owner>/<repo>) and the archived release tag or commit as the"
                        + " reference");
        return true;
    }

    /** The path segments of a mybinder.org URL ({@code v2, gh, …}), or null for other URLs. */
    private static List<String> binderSegments(String repo) {
        Matcher m = URL.matcher(repo);
        if (!m.matches() || !isHttp(m.group(1)) || !m.group(2).equalsIgnoreCase("mybinder.org")) {
            return null;
        }
        String rest = stripQueryAndFragment(m.group(3));
        List<String> segments = segments(rest);
        return segments.isEmpty() || !segments.get(0).equals("v2") ? null : segments;
    }

    /** Rewrites GitHub/GitLab browse URLs and mybinder.org links; returns null when a problem was recorded. */
    private String normaliseBrowseUrl(String repo) {
        Matcher m = URL.matcher(repo);
        if (!m.matches() || !isHttp(m.group(1))) {
            return repo;
        }
        String host = m.group(2).toLowerCase(Locale.ROOT);
        String pathAndQuery = m.group(3);
        if (host.equals("mybinder.org")) {
            return normaliseBinder(repo, pathAndQuery);
        }
        String rest = stripQueryAndFragment(pathAndQuery);
        List<String> segs = segments(rest);
        if (host.equals("github.com") || host.equals("www.github.com")) {
            if (segs.size() < 2) {
                problem(
                        Field.REPOSITORY,
                        Kind.NOT_A_GIT_URL,
                        "'" + printable(repo) + "' names no repository; expected https://github.com/<owner>/<repo>");
                return null;
            }
            String base = "https://github.com/" + segs.get(0) + "/" + segs.get(1);
            return applyBrowseTail(repo, base, segs.subList(2, segs.size()), "GitHub");
        }
        int dash = segs.indexOf("-");
        if (dash >= 2) {
            String base = "https://" + m.group(2) + "/" + String.join("/", segs.subList(0, dash));
            return applyBrowseTail(repo, base, segs.subList(dash + 1, segs.size()), "GitLab");
        }
        if (!rest.equals(pathAndQuery) && (host.equals("gitlab.com") || host.equals("bitbucket.org"))) {
            notes.add("removed the query/fragment from '" + printable(repo) + "'");
            return repo.substring(0, repo.length() - (pathAndQuery.length() - rest.length()));
        }
        return repo;
    }

    private String applyBrowseTail(String original, String base, List<String> tail, String forge) {
        String normalised = base;
        if (!tail.isEmpty()) {
            String kind = tail.get(0);
            List<String> after = tail.subList(1, tail.size());
            switch (kind) {
                case "tree", "blob" -> {
                    if (after.isEmpty()) {
                        break;
                    }
                    String[] refAndSub = splitRef(after);
                    if (refAndSub == null) {
                        return null;
                    }
                    takeReference(refAndSub[0], original);
                    String sub = refAndSub[1];
                    if (!sub.isEmpty() && !pathGiven) {
                        if (kind.equals("tree")) {
                            path = "tree/" + sub;
                        } else if (sub.endsWith(".ipynb")) {
                            path = "notebooks/" + sub;
                        } else {
                            path = "edit/" + sub;
                        }
                        notes.add("will open '" + path + "' (the " + (kind.equals("tree") ? "folder" : "file")
                                + " in the " + forge + " URL)");
                    }
                }
                case "commit", "commits" -> {
                    if (!after.isEmpty()) {
                        takeReference(after.get(0), original);
                    }
                }
                case "releases", "tags" -> {
                    // github: releases/tag/<tag>; gitlab: tags/<tag>
                    List<String> t = kind.equals("releases")
                                    && !after.isEmpty()
                                    && after.get(0).equals("tag")
                            ? after.subList(1, after.size())
                            : after;
                    if (!t.isEmpty()) {
                        takeReference(String.join("/", t), original);
                    }
                }
                default -> {
                    // issues, pulls, wiki pages, …: only the repository part is meaningful
                }
            }
        }
        if (!normalised.equals(original)) {
            notes.add("normalised the " + forge + " page '" + printable(original) + "' to the repository '" + normalised
                    + "'" + (reference != null ? " at reference '" + reference + "'" : ""));
        }
        return normalised;
    }

    /** Splits {@code <ref>/<sub…>} using the explicit reference when given; null after a conflict. */
    private String[] splitRef(List<String> after) {
        String joined = String.join("/", after);
        if (reference != null) {
            if (joined.equals(reference)) {
                return new String[] {reference, ""};
            }
            if (joined.startsWith(reference + "/")) {
                return new String[] {reference, joined.substring(reference.length() + 1)};
            }
            problem(
                    Field.REFERENCE,
                    Kind.CONFLICTING_REFERENCE,
                    "the reference '" + reference + "' differs from the one in the repository URL ('" + after.get(0)
                            + "'); give only one of them");
            return null;
        }
        String sub = String.join("/", after.subList(1, after.size()));
        if (!sub.isEmpty()) {
            notes.add("took '" + after.get(0) + "' from the URL as the reference; if the branch name contains '/',"
                    + " pass the full name as the reference");
        }
        return new String[] {after.get(0), sub};
    }

    private void takeReference(String ref, String original) {
        if (reference == null) {
            reference = ref;
        } else if (!reference.equals(ref)) {
            problem(
                    Field.REFERENCE,
                    Kind.CONFLICTING_REFERENCE,
                    "the reference '" + reference + "' differs from '" + ref + "' in '" + printable(original)
                            + "'; give only one of them");
        }
    }

    private String normaliseBinder(String original, String pathAndQuery) {
        List<String> segs = binderSegments(original);
        if (segs == null || segs.size() < 3) {
            problem(
                    Field.REPOSITORY,
                    Kind.NOT_A_GIT_URL,
                    "'" + printable(original) + "' is a mybinder.org page but names no repository; give the Git"
                            + " repository URL");
            return null;
        }
        String provider = segs.get(1);
        String repo;
        String ref = null;
        switch (provider) {
            case "gh" -> {
                if (segs.size() < 4) {
                    problem(Field.REPOSITORY, Kind.NOT_A_GIT_URL, "'" + printable(original) + "' names no repository");
                    return null;
                }
                repo = "https://github.com/" + segs.get(2) + "/" + segs.get(3);
                ref = segs.size() > 4 ? decode(segs.get(4)) : null;
            }
            case "gl" -> {
                repo = "https://gitlab.com/" + decode(segs.get(2));
                ref = segs.size() > 3 ? decode(segs.get(3)) : null;
            }
            case "git" -> {
                repo = decode(segs.get(2));
                ref = segs.size() > 3 ? decode(segs.get(3)) : null;
            }
            default -> {
                problem(
                        Field.REPOSITORY,
                        Kind.NOT_A_GIT_URL,
                        "'" + printable(original) + "' uses the Binder provider '" + provider + "', which this SDK"
                                + " cannot translate; give the Git repository URL");
                return null;
            }
        }
        if (ref != null && !ref.equals("HEAD")) {
            takeReference(ref, original);
        }
        int q = pathAndQuery.indexOf('?');
        if (q >= 0 && !pathGiven) {
            for (String param : pathAndQuery.substring(q + 1).split("[&#]")) {
                int eq = param.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String key = param.substring(0, eq);
                String value = decode(param.substring(eq + 1));
                if (key.equals("urlpath") && !value.isEmpty()) {
                    path = value;
                } else if (key.equals("labpath") && !value.isEmpty()) {
                    path = "lab/tree/" + value;
                }
            }
        }
        notes.add("normalised the mybinder.org link '" + printable(original) + "' to the repository '" + repo + "'"
                + (reference != null ? " at reference '" + reference + "'" : "")
                + (path.isEmpty() ? "" : ", opening '" + path + "'"));
        return repo;
    }

    /** Accepts the network forms git clones from; records a problem and returns false otherwise. */
    private boolean checkGitUrl(String repo) {
        if (repo.contains("::")) {
            problem(
                    Field.REPOSITORY,
                    Kind.NOT_A_GIT_URL,
                    "'" + repo + "' uses git's remote-helper syntax (<transport>::<address>), which is refused because"
                            + " it can run commands on the instance; give an https, git or ssh URL");
            return false;
        }
        if (isLocalPath(repo)) {
            problem(
                    Field.REPOSITORY,
                    Kind.LOCAL_PATH,
                    "'" + repo + "' is a local path; the instance clones the repository over the network, so give"
                            + " its URL, e.g. https://github.com/org/repo");
            return false;
        }
        Matcher url = URL.matcher(repo);
        if (url.matches()) {
            String scheme = url.group(1).toLowerCase(Locale.ROOT);
            if (!SCHEMES.contains(scheme)) {
                problem(
                        Field.REPOSITORY,
                        Kind.NOT_A_GIT_URL,
                        "'" + repo + "' uses the scheme '" + url.group(1) + "'; give an https, http, git or ssh URL");
                return false;
            }
            String authority = url.group(2);
            String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
            String host = hostPort;
            int colon = hostPort.lastIndexOf(':');
            if (colon >= 0) {
                host = hostPort.substring(0, colon);
                String port = hostPort.substring(colon + 1);
                if (port.isEmpty()
                        || !port.chars().allMatch(c -> c >= '0' && c <= '9')
                        || port.length() > 5
                        || Integer.parseInt(port) < 1
                        || Integer.parseInt(port) > 65535) {
                    problem(Field.REPOSITORY, Kind.NOT_A_GIT_URL, "'" + repo + "' has an invalid port '" + port + "'");
                    return false;
                }
            }
            if (!HOST.matcher(host).matches()) {
                problem(Field.REPOSITORY, Kind.NOT_A_GIT_URL, "'" + repo + "' has no valid host name ('" + host + "')");
                return false;
            }
            String repoPath = url.group(3);
            if (repoPath.replace("/", "").isEmpty()) {
                problem(
                        Field.REPOSITORY,
                        Kind.NOT_A_GIT_URL,
                        "'" + repo + "' names a server but no repository; expected e.g. https://" + host
                                + "/<owner>/<repo>");
                return false;
            }
            if (scheme.contains("ssh")) {
                sshNote();
            }
            return true;
        }
        Matcher scp = SCP_LIKE.matcher(repo);
        if (scp.matches()
                && scp.group(2).length() > 1
                && HOST.matcher(scp.group(2)).matches()) {
            if (scp.group(3).replace("/", "").isEmpty()) {
                problem(
                        Field.REPOSITORY,
                        Kind.NOT_A_GIT_URL,
                        "'" + repo + "' names a server but no repository; expected e.g. git@" + scp.group(2)
                                + ":<owner>/<repo>.git");
                return false;
            }
            sshNote();
            return true;
        }
        String firstSegment = repo.split("/", 2)[0];
        if (firstSegment.contains(".")
                && repo.contains("/")
                && HOST.matcher(firstSegment).matches()) {
            problem(
                    Field.REPOSITORY,
                    Kind.NOT_A_GIT_URL,
                    "'" + repo + "' has no scheme; did you mean https://" + repo + " ?");
        } else {
            problem(
                    Field.REPOSITORY,
                    Kind.LOCAL_PATH,
                    "'" + repo + "' is not a Git URL (it would be taken as a local path); give the repository URL,"
                            + " e.g. https://github.com/org/repo");
        }
        return false;
    }

    /**
     * A password or token in the URL's user info (any user info for http(s), where tokens pose as user
     * names; {@code user:password} for the others). Never echoes the URL.
     */
    private boolean hasCredentials(String repo) {
        Matcher url = URL.matcher(repo);
        if (!url.matches()) {
            return false;
        }
        String authority = url.group(2);
        int at = authority.lastIndexOf('@');
        if (at < 0) {
            return false;
        }
        String userInfo = authority.substring(0, at);
        if (isHttp(url.group(1)) || userInfo.contains(":")) {
            problem(
                    Field.REPOSITORY,
                    Kind.CREDENTIALS_IN_URL,
                    "the repository URL contains credentials before '@'; the repository is stored in server"
                            + " metadata and user data, which everyone in the project can read, so use a public"
                            + " repository URL without credentials");
            return true;
        }
        return false;
    }

    private void sshNote() {
        notes.add("cloning over SSH needs a key on the instance that the Git server accepts; give a public"
                + " repository as an https URL instead");
    }

    private static boolean isLocalPath(String repo) {
        return repo.startsWith("/")
                || repo.startsWith(".")
                || repo.startsWith("~")
                || repo.regionMatches(true, 0, "file:", 0, 5)
                || repo.matches("^[A-Za-z]:([/\\\\].*)?$");
    }

    // ------------------------------------------------------------------------------------ reference

    private void checkReference(String ref) {
        if (ref.startsWith("-")) {
            problem(
                    Field.REFERENCE,
                    Kind.OPTION_LIKE,
                    "reference '" + printable(ref) + "' starts with '-' and would be read as an option; give a"
                            + " branch, tag or commit");
            return;
        }
        int bad = firstOutside(ref, REFERENCE_CHARS);
        if (bad >= 0) {
            problem(
                    Field.REFERENCE,
                    Kind.UNSAFE_CHARACTER,
                    "reference '" + printable(ref) + "' contains " + describe(ref.charAt(bad)) + "; a reference"
                            + " may use letters, digits and - . _ / +");
            return;
        }
        String why = null;
        if (ref.startsWith("/") || ref.endsWith("/")) {
            why = "it starts or ends with '/'";
        } else if (ref.contains("//")) {
            why = "it contains '//'";
        } else if (ref.contains("..")) {
            why = "it contains '..'";
        } else if (ref.startsWith(".") || ref.contains("/.")) {
            why = "a component starts with '.'";
        } else if (ref.endsWith(".") || ref.endsWith(".lock")) {
            why = "it ends with '.' or '.lock'";
        }
        if (why != null) {
            problem(
                    Field.REFERENCE,
                    Kind.MALFORMED_REFERENCE,
                    "reference '" + ref + "' is not a valid Git reference name: " + why);
        }
    }

    // ------------------------------------------------------------------------------------ path

    private void checkPath(String p) {
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                problem(
                        Field.PATH,
                        Kind.MALFORMED_PATH,
                        "path '" + printable(p) + "' contains " + describe(c) + ", which cannot appear in a URL");
                return;
            }
            if (c == '?' || c == '#') {
                problem(
                        Field.PATH,
                        Kind.MALFORMED_PATH,
                        "path '" + p + "' contains '" + c + "', which would cut the Jupyter token off the"
                                + " workflow URL; give only the path, e.g. lab/tree/index.ipynb");
                return;
            }
        }
    }

    // ------------------------------------------------------------------------------------ helpers

    private void problem(Field field, Kind kind, String message) {
        problems.add(new WorkflowProblem(field, kind, message));
    }

    private static boolean isHttp(String scheme) {
        return scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http");
    }

    private static String stripQueryAndFragment(String pathAndQuery) {
        int end = pathAndQuery.length();
        int q = pathAndQuery.indexOf('?');
        int h = pathAndQuery.indexOf('#');
        if (q >= 0) {
            end = q;
        }
        if (h >= 0 && h < end) {
            end = h;
        }
        return pathAndQuery.substring(0, end);
    }

    private static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static int firstOutside(String s, String allowed) {
        for (int i = 0; i < s.length(); i++) {
            if (allowed.indexOf(s.charAt(i)) < 0) {
                return i;
            }
        }
        return -1;
    }

    static String describe(char c) {
        if (c < 0x20 || c == 0x7f) {
            return String.format("the control character U+%04X", (int) c);
        }
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            return String.format("whitespace (U+%04X)", (int) c);
        }
        if (c > 0x7e) {
            return String.format("the non-ASCII character '%c' (U+%04X)", c, (int) c);
        }
        return "'" + c + "'";
    }

    /** The value with control characters shown as {@code ?}, for messages. */
    static String printable(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            out.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return out.toString();
    }
}
