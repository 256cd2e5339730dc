package app.exosphere.contract;

/** {@link SecurityGroupContract} against SimulatorCloud. */
class SecurityGroupContractOnSimulatorTest extends SecurityGroupContract {
    @Override
    ContractCloud openCloud() {
        return SimulatorCloud.start();
    }
}
