package app.exosphere.workflow.fuzz;

import app.exosphere.fuzz.Seeds;
import app.exosphere.workflow.InvalidWorkflowSourceException;
import app.exosphere.workflow.WorkflowSource;
import app.exosphere.workflow.WorkflowValidation;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of workflow source validation (repository URL normalisation, reference and
 * path rules, the Nova metadata length). {@code validate()} collects problems and never throws;
 * {@code WorkflowSource.of} throws only {@link InvalidWorkflowSourceException}; a valid source
 * survives its own metadata round trip.
 */
class WorkflowSourceFuzzTest {

    @BeforeAll
    static void warmUp() {
        WorkflowSource.builder()
                .repository("https://github.com/binder-examples/requirements")
                .validate();
    }

    @FuzzTest(maxDuration = "2m")
    @Timeout(value = 10, unit = TimeUnit.SECONDS) // wall-clock backstop; the limit is 1 s of CPU per input
    void workflowSourceValidationCollectsProblemsAndThrowsOnlyTypedErrors(FuzzedDataProvider data) {
        Seeds.withinOneCpuSecond(() -> check(data));
    }

    private void check(FuzzedDataProvider data) {
        String repository = data.consumeString(300);
        String reference = data.consumeBoolean() ? null : data.consumeString(100);
        String path = data.consumeBoolean() ? null : data.consumeRemainingAsString();
        WorkflowValidation v = WorkflowSource.builder()
                .repository(repository)
                .reference(reference)
                .path(path)
                .validate();
        v.problems().forEach(p -> p.toString().length());
        v.source().ifPresent(s -> s.toMetadata());
        try {
            WorkflowSource.of(repository, reference, path);
        } catch (InvalidWorkflowSourceException expected) {
            // the documented typed error
        }
        WorkflowSource.exosphereFormIsValid(repository, reference, path);
    }
}
