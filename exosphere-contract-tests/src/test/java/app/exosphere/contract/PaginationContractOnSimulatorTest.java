package app.exosphere.contract;

/** {@link PaginationContract} against the simulated cloud of {@code exosphere-testkit} (every build). */
class PaginationContractOnSimulatorTest extends PaginationContract {
    @Override
    ContractCloud openCloud() {
        return SimulatorCloud.start();
    }
}
