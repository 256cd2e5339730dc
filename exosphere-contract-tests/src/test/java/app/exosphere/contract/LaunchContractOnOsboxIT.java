package app.exosphere.contract;

/** {@link LaunchContract} against the real loopback OpenStack (profile {@code osbox}). */
class LaunchContractOnOsboxIT extends LaunchContract {
    @Override
    ContractCloud openCloud() {
        return OsboxCloud.connect();
    }
}
