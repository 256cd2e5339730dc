/**
 * The simulated cloud and its JUnit 5 extension.
 */
package app.exosphere.testkit;
