package app.exosphere.contract;

/** {@link LaunchContract} against the real loopback OpenStack (profile {@code osbox}). */
// snippet:testing-contract-subclass
// run by failsafe in profile osbox
class LaunchContractOnOsboxIT extends LaunchContract {
    @Override
    ContractCloud openCloud() {
        return OsboxCloud.connect();
    }
}
// end-snippet
