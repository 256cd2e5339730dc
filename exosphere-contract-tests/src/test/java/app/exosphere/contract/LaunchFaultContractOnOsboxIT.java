package app.exosphere.contract;

/** {@link LaunchFaultContract} against the real loopback OpenStack (profile {@code osbox}). */
class LaunchFaultContractOnOsboxIT extends LaunchFaultContract {
    @Override
    ContractCloud openCloud() {
        return OsboxCloud.connect();
    }
}
