package app.exosphere.contract;

/** {@link IdentityContract} against the real loopback OpenStack (profile {@code osbox}). */
class IdentityContractOnOsboxIT extends IdentityContract {
    @Override
    ContractCloud openCloud() {
        return OsboxCloud.connect();
    }
}
