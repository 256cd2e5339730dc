package app.exosphere.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.cloudinit.WorkflowContribution;
import app.exosphere.workflow.WorkflowProblem.Field;
import app.exosphere.workflow.WorkflowProblem.Kind;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class WorkflowSourceTest {

    private static WorkflowValidation validate(String repo) {
        return WorkflowSource.builder().repository(repo).validate();
    }

    private static WorkflowProblem onlyProblem(WorkflowValidation v) {
        assertThat(v.isValid()).as("valid: %s", v).isFalse();
        assertThat(v.problems()).hasSize(1);
        return v.problems().get(0);
    }

    // ------------------------------------------------------------------ accepted repositories

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://github.com/binder-examples/r_with_python",
                "https://github.com/binder-examples/requirements.git",
                "https://gitlab.com/group/subgroup/project",
                "https://gitlab.com/group/project.git",
                "http://git.example.org/repo.git",
                "https://example.org:8443/scm/team/repo.git",
                "https://example.org/~user/repo.git",
                "https://codeberg.org/org/repo",
                "https://149.165.1.2/repo.git",
                "git://git.example.org/pub/repo.git",
            })
    void acceptsNetworkGitUrlsAsGiven(String repo) {
        WorkflowValidation v = validate(repo);
        assertThat(v.problems()).isEmpty();
        assertThat(v.orElseThrow().repository()).isEqualTo(repo);
        assertThat(v.notes()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ssh://git@example.org/org/repo.git",
                "ssh://git@example.org:2222/org/repo.git",
                "git+ssh://example.org/org/repo.git",
                "git@github.com:org/repo.git",
                "example.org:org/repo.git",
            })
    void acceptsSshFormsWithANoteAboutKeys(String repo) {
        WorkflowValidation v = validate(repo);
        assertThat(v.orElseThrow().repository()).isEqualTo(repo);
        assertThat(v.notes()).singleElement().asString().contains("SSH needs a key on the instance");
    }

    @Test
    void trimsSurroundingWhitespaceWithANote() {
        WorkflowValidation v = WorkflowSource.builder()
                .repository("  https://github.com/org/repo\t")
                .reference(" main ")
                .path(" lab ")
                .validate();
        WorkflowSource s = v.orElseThrow();
        assertThat(s.repository()).isEqualTo("https://github.com/org/repo");
        assertThat(s.reference()).contains("main");
        assertThat(s.path()).isEqualTo("lab");
        assertThat(v.notes())
                .containsExactly(
                        "removed whitespace around the reference",
                        "removed whitespace around the path",
                        "removed whitespace around the repository");
    }

    // ------------------------------------------------------------------ refused repositories

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n"})
    void refusesMissingRepository(String repo) {
        WorkflowProblem p = onlyProblem(validate(repo));
        assertThat(p.field()).isEqualTo(Field.REPOSITORY);
        assertThat(p.kind()).isEqualTo(Kind.MISSING);
        assertThat(p.message()).contains("https://github.com/binder-examples/r_with_python");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "10.5281/zenodo.1234567",
                "doi:10.5281/zenodo.1234567",
                "DOI: 10.5281/zenodo.1234567",
                "https://doi.org/10.5281/zenodo.1234567",
                "http://dx.doi.org/10.5281/zenodo.1234567",
                "https://zenodo.org/record/1234567",
                "https://zenodo.org/records/1234567",
                "https://mybinder.org/v2/zenodo/10.5281/zenodo.1234567/",
                "https://mybinder.org/v2/figshare/10.6084/m9.figshare.9782777.v1/",
            })
    void refusesDoisSayingWhatToPassInstead(String repo) {
        WorkflowProblem p = onlyProblem(validate(repo));
        assertThat(p.kind()).isEqualTo(Kind.DOI);
        assertThat(p.message())
                .startsWith("'" + repo + "' is ")
                .contains("always git-clone")
                .contains("pass the URL of the Git repository it archives instead")
                .contains("release tag or commit as the reference");
    }

    @Test
    void doiMessageIsExact() {
        assertThat(onlyProblem(validate("10.5281/zenodo.1234567")).message())
                .isEqualTo("'10.5281/zenodo.1234567' is a DOI. Exosphere instances always git-clone the workflow"
                        + " repository, so a DOI or data archive (which mybinder.org would resolve) cannot be"
                        + " launched: pass the URL of the Git repository it archives instead (e.g."
                        + " https://github.com/<owner>/<repo>) and the archived release tag or commit as the"
                        + " reference");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-uhelp", "--upload-pack=touch", "-"})
    void refusesOptionLikeRepositories(String repo) {
        assertThat(onlyProblem(validate(repo)).kind()).isEqualTo(Kind.OPTION_LIKE);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/home/exouser/repo",
                "./repo",
                "../repo",
                ".",
                "~/repo",
                "~user/repo",
                "file:///tmp/repo",
                "FILE:/tmp/repo",
                "C:/repo",
                "c:",
                "repo",
                "my-notebooks",
            })
    void refusesLocalPaths(String repo) {
        WorkflowProblem p = onlyProblem(validate(repo));
        assertThat(p.kind()).isEqualTo(Kind.LOCAL_PATH);
        assertThat(p.message()).contains("'" + repo + "'").contains("https://github.com/org/repo");
    }

    @Test
    void refusesWindowsPathsAsUnsafeBackslash() {
        assertThat(onlyProblem(validate("C:\\repo")).kind()).isEqualTo(Kind.UNSAFE_CHARACTER);
    }

    @Test
    void suggestsTheSchemeForHostPaths() {
        WorkflowProblem p = onlyProblem(validate("github.com/org/repo"));
        assertThat(p.kind()).isEqualTo(Kind.NOT_A_GIT_URL);
        assertThat(p.message())
                .isEqualTo("'github.com/org/repo' has no scheme; did you mean https://github.com/org/repo ?");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "ftp://example.org/repo.git | uses the scheme 'ftp'",
                "file://example.org/repo.git | is a local path",
                "https://example.org | names a server but no repository",
                "https://example.org/ | names a server but no repository",
                "git@example.org: | names a server but no repository",
                "https://-bad-.example.org/repo | has no valid host name",
                "https://example.org:99999/repo | invalid port",
                "https://example.org:/repo | invalid port",
                "ext::sh | remote-helper syntax",
                "fd::17 | remote-helper syntax",
                "https://github.com/org | names no repository",
                "https://mybinder.org/v2/gh/org | names no repository",
                "https://mybinder.org/v2/hub/x/y | the Binder provider 'hub'",
            })
    void refusesWhatIsNotANetworkGitUrl(String repo, String why) {
        WorkflowProblem p = onlyProblem(validate(repo));
        assertThat(p.field()).isEqualTo(Field.REPOSITORY);
        assertThat(p.message()).contains(why);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://user:hunter2@github.com/org/repo",
                "https://ghp_s3cr3t@github.com/org/repo",
                "ssh://git:hunter2@example.org/repo.git",
            })
    void refusesCredentialsWithoutEchoingThem(String repo) {
        WorkflowProblem p = onlyProblem(validate(repo));
        assertThat(p.kind()).isEqualTo(Kind.CREDENTIALS_IN_URL);
        assertThat(p.message())
                .doesNotContain("hunter2")
                .doesNotContain("s3cr3t")
                .contains("everyone in the project");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "https://github.com/org/repo\"; rm -rf / # | '\"'",
                "https://example.org/repo$(reboot) | '$'",
                "https://example.org/repo;reboot | ';'",
                "https://example.org/re po | whitespace (U+0020)",
                "https://example.org/repo?x=1 | '?'",
                "https://example.org/repo#frag | '#'",
                "https://example.org/rep'o | '''",
                "https://example.org/repo&x | '&'",
                "https://example.org/repo>x | '>'",
                "https://exämple.org/repo | the non-ASCII character 'ä'",
            })
    void refusesCharactersUnsafeInUserData(String repo, String what) {
        WorkflowProblem p = onlyProblem(validate(repo));
        assertThat(p.kind()).isEqualTo(Kind.UNSAFE_CHARACTER);
        assertThat(p.message()).contains("contains " + what).contains("user data");
    }

    @Test
    void refusesBackticksAndControlCharacters() {
        assertThat(onlyProblem(validate("https://example.org/repo`id`")).kind()).isEqualTo(Kind.UNSAFE_CHARACTER);
        assertThat(onlyProblem(validate("https://example.org/repo|x")).message())
                .contains("contains '|'");
        WorkflowProblem newline = onlyProblem(validate("https://example.org/repo\nreboot"));
        assertThat(newline.kind()).isEqualTo(Kind.UNSAFE_CHARACTER);
        assertThat(newline.message()).contains("U+000A").contains("'https://example.org/repo?reboot'");
    }

    // ------------------------------------------------------------------ references

    @ParameterizedTest
    @ValueSource(strings = {"main", "HEAD", "v1.0", "feature/x", "0123abcdef0123", "release-2024.01", "a+b", "a_b"})
    void acceptsGitReferenceNames(String ref) {
        WorkflowSource s = WorkflowSource.builder()
                .repository("https://github.com/org/repo")
                .reference(ref)
                .build();
        assertThat(s.reference()).contains(ref);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void blankReferenceMeansDefaultBranch(String ref) {
        WorkflowSource s = WorkflowSource.builder()
                .repository("https://github.com/org/repo")
                .reference(ref)
                .build();
        assertThat(s.reference()).isEmpty();
        assertThat(s.ansibleExtraVars()).containsOnlyKeys("workflow_source_repository");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "-x | OPTION_LIKE",
                "--upload-pack=evil | OPTION_LIKE",
                "a b | UNSAFE_CHARACTER",
                "a;b | UNSAFE_CHARACTER",
                "$(reboot) | UNSAFE_CHARACTER",
                "a~1 | UNSAFE_CHARACTER",
                "a^ | UNSAFE_CHARACTER",
                "a:b | UNSAFE_CHARACTER",
                "a@{1} | UNSAFE_CHARACTER",
                "a\\b | UNSAFE_CHARACTER",
                "a..b | MALFORMED_REFERENCE",
                "/a | MALFORMED_REFERENCE",
                "a/ | MALFORMED_REFERENCE",
                "a//b | MALFORMED_REFERENCE",
                ".a | MALFORMED_REFERENCE",
                "a/.b | MALFORMED_REFERENCE",
                "a. | MALFORMED_REFERENCE",
                "a.lock | MALFORMED_REFERENCE",
            })
    void refusesBadReferences(String ref, Kind kind) {
        WorkflowProblem p = onlyProblem(WorkflowSource.builder()
                .repository("https://github.com/org/repo")
                .reference(ref)
                .validate());
        assertThat(p.field()).isEqualTo(Field.REFERENCE);
        assertThat(p.kind()).isEqualTo(kind);
        assertThat(p.message()).contains("'" + ref + "'");
    }

    // ------------------------------------------------------------------ paths

    @ParameterizedTest
    @ValueSource(strings = {"", "lab", "/rstudio", "rstudio", "tree/data", "notebooks/a b.ipynb", "lab/tree/é.ipynb"})
    void keepsPathsAsGiven(String path) {
        WorkflowSource s = WorkflowSource.builder()
                .repository("https://github.com/org/repo")
                .path(path)
                .build();
        assertThat(s.path()).isEqualTo(path);
        assertThat(s.toMetadata().path()).isEqualTo(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lab?x=1", "lab#x", "lab\nx", "lab\u0000"})
    void refusesPathsThatWouldBreakTheUrl(String path) {
        WorkflowProblem p = onlyProblem(WorkflowSource.builder()
                .repository("https://github.com/org/repo")
                .path(path)
                .validate());
        assertThat(p.field()).isEqualTo(Field.PATH);
        assertThat(p.kind()).isEqualTo(Kind.MALFORMED_PATH);
    }

    @Test
    void collectsProblemsOfEveryField() {
        WorkflowValidation v = WorkflowSource.builder()
                .repository("10.5281/zenodo.1")
                .reference("-x")
                .path("a?b")
                .validate();
        assertThat(v.problems())
                .extracting(WorkflowProblem::field)
                .containsExactly(Field.REPOSITORY, Field.REFERENCE, Field.PATH);
        assertThatThrownBy(v::orElseThrow)
                .isInstanceOfSatisfying(
                        InvalidWorkflowSourceException.class,
                        e -> assertThat(e.problems()).hasSize(3))
                .hasMessageStartingWith("repository: '10.5281/zenodo.1' is a DOI.")
                .hasMessageContaining("; reference: reference '-x' starts with '-'")
                .hasMessageContaining("; path: path 'a?b' contains '?'");
    }

    // ------------------------------------------------------------------ browse-URL normalisation

    @Test
    void normalisesGithubTreeUrlOfTheSeedExample() {
        WorkflowValidation v = validate("https://github.com/binder-examples/r_with_python/tree/master");
        WorkflowSource s = v.orElseThrow();
        assertThat(s.repository()).isEqualTo("https://github.com/binder-examples/r_with_python");
        assertThat(s.reference()).contains("master");
        assertThat(s.path()).isEmpty();
        assertThat(v.notes())
                .containsExactly(
                        "normalised the GitHub page 'https://github.com/binder-examples/r_with_python/tree/master'"
                                + " to the repository 'https://github.com/binder-examples/r_with_python' at reference 'master'");
        assertThat(s.notes()).isEqualTo(v.notes());
    }

    @Test
    void githubTreeUrlWithFolderOpensTheFolderAndWarnsAboutSlashesInBranchNames() {
        WorkflowValidation v = validate("https://github.com/org/repo/tree/main/docs/examples");
        WorkflowSource s = v.orElseThrow();
        assertThat(s.repository()).isEqualTo("https://github.com/org/repo");
        assertThat(s.reference()).contains("main");
        assertThat(s.path()).isEqualTo("tree/docs/examples");
        assertThat(v.notes())
                .containsExactly(
                        "took 'main' from the URL as the reference; if the branch name contains '/', pass the full"
                                + " name as the reference",
                        "will open 'tree/docs/examples' (the folder in the GitHub URL)",
                        "normalised the GitHub page 'https://github.com/org/repo/tree/main/docs/examples' to the"
                                + " repository 'https://github.com/org/repo' at reference 'main'");
    }

    @Test
    void explicitReferenceWithSlashesSplitsTheBrowseUrl() {
        WorkflowSource s = WorkflowSource.builder()
                .repository("https://github.com/org/repo/tree/feature/x/docs")
                .reference("feature/x")
                .build();
        assertThat(s.reference()).contains("feature/x");
        assertThat(s.path()).isEqualTo("tree/docs");
    }

    @Test
    void conflictingReferenceIsRefused() {
        WorkflowProblem p = onlyProblem(WorkflowSource.builder()
                .repository("https://github.com/org/repo/tree/main")
                .reference("dev")
                .validate());
        assertThat(p.kind()).isEqualTo(Kind.CONFLICTING_REFERENCE);
        assertThat(p.message()).contains("'dev'").contains("'main'");
    }

    @Test
    void explicitPathWinsOverTheBrowseUrlFolder() {
        WorkflowSource s = WorkflowSource.builder()
                .repository("https://github.com/org/repo/tree/main/docs")
                .path("lab")
                .build();
        assertThat(s.path()).isEqualTo("lab");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "https://github.com/org/repo/blob/main/index.ipynb | https://github.com/org/repo | main | notebooks/index.ipynb",
                "https://github.com/org/repo/blob/v2/README.md | https://github.com/org/repo | v2 | edit/README.md",
                "https://github.com/org/repo/commit/0123abc | https://github.com/org/repo | 0123abc | ",
                "https://github.com/org/repo/releases/tag/v1.2 | https://github.com/org/repo | v1.2 | ",
                "https://github.com/org/repo/ | https://github.com/org/repo | - | ",
                "https://github.com/org/repo?tab=readme-ov-file | https://github.com/org/repo | - | ",
                "https://github.com/org/repo#readme | https://github.com/org/repo | - | ",
                "http://github.com/org/repo | https://github.com/org/repo | - | ",
                "https://www.github.com/org/repo/issues/12 | https://github.com/org/repo | - | ",
                "https://gitlab.com/group/sub/project/-/tree/main/notebooks | https://gitlab.com/group/sub/project | main | tree/notebooks",
                "https://gitlab.example.org/g/p/-/tags/v2 | https://gitlab.example.org/g/p | v2 | ",
                "https://gitlab.com/g/p/-/blob/dev/a.ipynb | https://gitlab.com/g/p | dev | notebooks/a.ipynb",
                "https://gitlab.com/g/p?x=1 | https://gitlab.com/g/p | - | ",
                "https://mybinder.org/v2/gh/binder-examples/r_with_python/HEAD?urlpath=rstudio | https://github.com/binder-examples/r_with_python | - | rstudio",
                "https://mybinder.org/v2/gh/org/repo/main?labpath=index.ipynb | https://github.com/org/repo | main | lab/tree/index.ipynb",
                "https://mybinder.org/v2/gh/org/repo/feature%2Fx | https://github.com/org/repo | feature/x | ",
                "https://mybinder.org/v2/gl/group%2Fproject/v1 | https://gitlab.com/group/project | v1 | ",
                "https://mybinder.org/v2/git/https%3A%2F%2Fexample.org%2Frepo.git/main | https://example.org/repo.git | main | ",
            })
    void normalisesBrowseUrlsAndBinderLinks(String input, String repo, String ref, String path) {
        WorkflowValidation v = validate(input);
        WorkflowSource s = v.orElseThrow();
        assertThat(s.repository()).isEqualTo(repo);
        assertThat(s.reference().orElse(null)).isEqualTo(ref);
        assertThat(s.path()).isEqualTo(path == null ? "" : path);
        assertThat(v.notes()).isNotEmpty();
    }

    // ------------------------------------------------------------------ contributions

    @Test
    void contributesExosphereAnsibleVarsWithReference() {
        // Exosphere's `Helpers.renderUserDataTemplate`, with a workflow
        WorkflowSource s = WorkflowSource.of("https://github.com/binder-examples/requirements", "main", null);
        assertThat(s.ansibleExtraVars())
                .containsExactly(
                        Map.entry("workflow_source_repository", "https://github.com/binder-examples/requirements"),
                        Map.entry("workflow_repo_version", "main"));
    }

    @Test
    void isAWorkflowContributionForTheUserDataBuilder() {
        WorkflowContribution c = WorkflowSource.of("https://github.com/binder-examples/r_with_python", "", "rstudio");
        assertThat(c.repository()).isEqualTo("https://github.com/binder-examples/r_with_python");
        assertThat(c.reference()).isEmpty();
    }

    @Test
    void metadataValueOfTheSeedExample() {
        WorkflowSource s = WorkflowSource.builder()
                .repository("https://github.com/binder-examples/r_with_python")
                .path("rstudio")
                .build();
        assertThat(s.toMetadata().toMetadataValue())
                .isEqualTo("{\"v\":1,\"repo\":\"https://github.com/binder-examples/r_with_python\",\"ref\":\"\","
                        + "\"path\":\"rstudio\"}");
        assertThat(WorkflowMetadata.KEY).isEqualTo("exoCustomWorkflow");
    }

    @Test
    void refusesSourcesWhoseMetadataExceedsNovasLimit() {
        String repo = "https://example.org/" + "a".repeat(199);
        assertThat(WorkflowSource.of(repo).toMetadata().metadataValueLength()).isEqualTo(255);
        WorkflowProblem p = onlyProblem(validate(repo + "a"));
        assertThat(p.field()).isEqualTo(Field.METADATA);
        assertThat(p.kind()).isEqualTo(Kind.TOO_LONG);
        assertThat(p.message())
                .isEqualTo("the exoCustomWorkflow metadata value would be 256 characters but Nova allows 255;"
                        + " shorten the repository URL, reference or path by 1 characters");
    }

    @Test
    void metadataLimitCountsEscapedPathCharacters() {
        String repo = "https://example.org/" + "a".repeat(190);
        assertThat(WorkflowSource.builder()
                        .repository(repo)
                        .path("\"\"\"\"")
                        .validate()
                        .isValid())
                .isTrue();
        assertThat(WorkflowSource.builder()
                        .repository(repo)
                        .path("\"\"\"\"\"")
                        .validate()
                        .isValid())
                .isFalse();
    }

    // ------------------------------------------------------------------ Exosphere's own form rules

    @Test
    void exosphereFormRulesIncludingTheUntrimmedRepositoryQuirk() {
        assertThat(WorkflowSource.exosphereFormIsEmpty("  ", "", " ")).isTrue();
        assertThat(WorkflowSource.exosphereFormIsEmpty(null, null, null)).isTrue();
        assertThat(WorkflowSource.exosphereFormIsValid("r", "", "")).isTrue();
        assertThat(WorkflowSource.exosphereFormIsValid("", "main", "")).isFalse();
        assertThat(WorkflowSource.exosphereFormIsValid("  ", "", "")).isFalse();
        assertThat(WorkflowSource.exosphereFormIsValid("  ", "main", ""))
                .isTrue(); // quirk, Exosphere's `ServerCreate.workflowInputIsValid`
        assertThat(WorkflowSource.exosphereFormIsValid("10.5281/zenodo.1", "", ""))
                .isTrue();
    }

    @Test
    void equalityIgnoresNotesAndToBuilderRoundTrips() {
        WorkflowSource normalised = WorkflowSource.of("https://github.com/org/repo/tree/main");
        WorkflowSource plain = WorkflowSource.of("https://github.com/org/repo", "main", "");
        assertThat(normalised).isEqualTo(plain).hasSameHashCodeAs(plain);
        assertThat(normalised.toBuilder().build()).isEqualTo(normalised);
        assertThat(plain.toString())
                .isEqualTo("WorkflowSource{repository=https://github.com/org/repo, reference=main, path=}");
    }
}
