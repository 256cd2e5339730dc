/**
 * UAP configuration lookup, URL derivation and parse-back.
 */
package app.exosphere.uap;
