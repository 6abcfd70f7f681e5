/**
 * Inventories with one known concurrency defect each, written for the Lincheck harness's own tests
 * ({@code LincheckHarnessTest}): each answers exactly as the specification does one call at a time, so that
 * only the defect shows, and the harness must name it with the right word. They are not catalogue designs.
 */
package dev.oversell.properties.concurrency.faulty;
