/**
 * The SDK entry point.
 */
package app.exosphere.core;
