package app.exosphere.contract;

/** {@link SdkLaunchContract} against the real loopback OpenStack (profile {@code osbox}). */
class SdkLaunchContractOnOsboxIT extends SdkLaunchContract {
    @Override
    ContractCloud openCloud() {
        return OsboxCloud.connect();
    }
}
