package app.exosphere.contract;

/** {@link SdkPaginationContract} against SimulatorCloud. */
class SdkPaginationContractOnSimulatorTest extends SdkPaginationContract {
    @Override
    ContractCloud openCloud() {
        return SimulatorCloud.start();
    }
}
