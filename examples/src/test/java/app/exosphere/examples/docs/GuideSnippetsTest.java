package app.exosphere.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.examples.CloudSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The guides' snippets, run against the simulated cloud, do what the guides say. */
class GuideSnippetsTest {

    static CloudSession session;

    @BeforeAll
    static void start() {
        session = CloudSession.simulated();
    }

    @AfterAll
    static void stop() {
        session.close();
    }

    @Test
    void errorsGuideCatchTreatsAMissingServerAsGone() {
        ErrorsSnippets errors = new ErrorsSnippets();
        errors.fetchServer(session.openStack(), "no-such-server");
        assertThat(errors.outcomes).containsExactly("gone no-such-server");
    }
}
