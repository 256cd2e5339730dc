package app.exosphere.contract;

/** {@link ShareContract} against SimulatorCloud. */
class ShareContractOnSimulatorTest extends ShareContract {
    @Override
    ContractCloud openCloud() {
        return SimulatorCloud.start();
    }
}
