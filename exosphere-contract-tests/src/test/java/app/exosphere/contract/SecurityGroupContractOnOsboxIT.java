package app.exosphere.contract;

/** {@link SecurityGroupContract} against OsboxCloud. */
class SecurityGroupContractOnOsboxIT extends SecurityGroupContract {
    @Override
    ContractCloud openCloud() {
        return OsboxCloud.connect();
    }
}
