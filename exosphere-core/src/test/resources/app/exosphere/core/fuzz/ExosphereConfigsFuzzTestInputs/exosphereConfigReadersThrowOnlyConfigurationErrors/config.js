"use strict";
var config = {
  showDebugMsgs: false,
  cloudCorsProxyUrl: null,
  urlPathPrefix: "exosphere",
  palette: null,
  logo: null,
  favicon: null,
  appTitle: "Exosphere",
  topBarShowAppTitle: true,
  defaultLoginView: "oidc",
  aboutAppMarkdown: null,
  supportInfoMarkdown: null,
  userSupportEmailAddress: null,
  userSupportEmailSubject: null,
  openIdConnectLoginConfig: null,
  localization: null,
  instanceConfigMgtRepoUrl: null,
  instanceConfigMgtRepoCheckout: null,
  sentryConfig: null,
};
if (typeof module !== "undefined") { module.exports = config; }
