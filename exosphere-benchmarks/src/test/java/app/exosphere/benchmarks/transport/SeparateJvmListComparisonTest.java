package app.exosphere.benchmarks.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The CI check of the separate-JVM comparison: three worker JVMs start, each lists the canned cloud's
 * 1,000 servers when told (the coordinator fails on any other count), and every client's row of the
 * table the goal lines read is filled. No figure is asserted: speed is measured by
 * {@code exosphere-benchmarks/run}, never by a test.
 */
class SeparateJvmListComparisonTest {

    @Test
    void threeWorkerJvmsAreDrivenInRoundsAndTheReportReadsEachClientsRow() throws Exception {
        String md = SeparateJvmListComparison.run(1, 3);

        assertThat(md).contains("1 warm-up rounds, 3 measured rounds").contains("load average before");
        for (String client : new String[] {"exosphere-java", "raw OkHttp + Jackson", "openstack4j"}) {
            assertThat(PerformanceReport.cell(md, client, "mean ms")).isPositive();
            assertThat(PerformanceReport.cell(md, client, "median allocated per call"))
                    .isPositive();
            assertThat(PerformanceReport.cell(md, client, "GC ms per call")).isNotNaN();
            assertThat(PerformanceReport.cell(md, client, "heap committed at the end"))
                    .isPositive();
        }
        assertThat(PerformanceReport.cell(md, "raw OkHttp + Jackson", "mean vs raw"))
                .isEqualTo(1.0);
        assertThat(PerformanceReport.cell(md, "openstack4j", "mean vs openstack4j"))
                .isEqualTo(1.0);
        assertThat(PerformanceReport.cell(md, "exosphere-java", "no such column"))
                .isNaN();
    }
}
